// Messages to the parent: errors always show a sentence (the API envelope's message), with
// the request id in small print so support can find the log line.
import type { ComponentChildren } from "preact";
import { ApiError, messageOf } from "../api/client";

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const rid = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div class="notice notice-error" role="alert">
      <div>
        {title && <p><strong>{title}</strong></p>}
        <p data-testid="error-message">{messageOf(error)}</p>
        {rid && <p class="ref">Reference: {rid}</p>}
      </div>
    </div>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "error"; children: ComponentChildren }) {
  return <div class={`notice notice-${tone}`} role={tone === "error" ? "alert" : "status"}><div>{children}</div></div>;
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return <p class="row muted" role="status"><span class="spinner" aria-hidden="true" />{label}</p>;
}
