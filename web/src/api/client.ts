// The one way the web app talks to the Storyloom API. Every failure becomes an ApiError whose
// `message` is the envelope's human sentence ({"error":{code,message,details,request_id}}), so
// the UI can show it as is; network failures and non-envelope answers get a sentence of ours.
// CSRF: same-origin fetches carry Origin; when the server uses a double-submit cookie
// (`csrf_token`), its value is echoed in X-CSRF-Token on every unsafe request.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function headersFor(method: Method, body: unknown): Headers {
  const h = new Headers({ Accept: "application/json" });
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
    h.set("Content-Type", "application/json");
  }
  const csrf = method === "GET" ? undefined : readCookie("csrf_token");
  if (csrf) h.set("X-CSRF-Token", csrf);
  return h;
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData || body instanceof Blob) return body;
  return JSON.stringify(body);
}

const STATUS_SENTENCES: Record<number, string> = {
  401: "Please sign in to continue.",
  403: "You don't have access to this.",
  404: "We couldn't find that. It may have been deleted.",
  413: "That file is too large.",
  429: "That was a lot of requests at once. Please wait a moment and try again.",
  503: "Storyloom is busy or starting up. Please try again in a moment.",
};

/** Turns any failed response into an ApiError, preferring the server's envelope. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let parsed: unknown;
  const text = await res.text().catch(() => "");
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const env = (parsed as { error?: Record<string, unknown> } | undefined)?.error;
  if (env && typeof env === "object") {
    const message = typeof env.message === "string" && env.message ? env.message : sentenceFor(res.status);
    const code = typeof env.code === "string" ? env.code : `http_${res.status}`;
    const rid = typeof env.request_id === "string" ? env.request_id : res.headers.get("X-Request-Id") ?? undefined;
    return new ApiError(res.status, code, message, env.details, rid);
  }
  return new ApiError(res.status, `http_${res.status}`, sentenceFor(res.status), undefined,
    res.headers.get("X-Request-Id") ?? undefined);
}

function sentenceFor(status: number): string {
  return STATUS_SENTENCES[status] ??
    (status >= 500 ? "Something went wrong on our side. Please try again." : `The request failed (HTTP ${status}).`);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: headersFor(method, body),
      body: encodeBody(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network_error", "We couldn't reach Storyloom. Check your connection and try again.");
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  del: <T>(path: string) => request<T>("DELETE", path),
};

/** A sentence for any thrown value: never "[object Object]". */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === "string") return err;
  return "Something went wrong. Please try again.";
}

/**
 * Field-level messages from an error's details. The API names fields in one of a few shapes:
 * {fields:{city:"..."}}, {errors:[{field,message}]}, {field:"city"} or a flat {city:"..."};
 * nested names like "shipping_address.city" are reduced to their last part.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !err.details || typeof err.details !== "object") return {};
  const d = err.details as Record<string, unknown>;
  const out: Record<string, string> = {};
  const put = (field: unknown, msg: unknown) => {
    if (typeof field !== "string") return;
    const key = field.split(/[.[\]]/).filter(Boolean).pop() ?? field;
    out[key] = typeof msg === "string" && msg ? msg : err.message;
  };
  const lists = [d.errors, d.fields, d.field_errors, d.invalid_fields];
  for (const l of lists) {
    if (Array.isArray(l)) l.forEach((e) => typeof e === "string" ? put(e, undefined) : put(e?.field ?? e?.name, e?.message));
    else if (l && typeof l === "object") Object.entries(l).forEach(([k, v]) => put(k, v));
  }
  if (typeof d.field === "string") put(d.field, d.message ?? err.message);
  return out;
}
