// A labelled form field with an optional hint and an inline error tied to the input through
// aria-describedby / aria-invalid, so screen readers announce the problem with the field.
import type { ComponentChildren } from "preact";

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  children?: ComponentChildren;
}

export function Field({ id, label, error, hint, optional, children }: FieldProps) {
  return (
    <div class={`field${error ? " invalid" : ""}`}>
      <label for={id}>{label}{optional && <span class="optional"> (optional)</span>}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="field-error" id={`${id}-error`} data-field-error={id}>{error}</p>}
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

interface InputProps {
  id: string; label: string; value: string; onValue: (v: string) => void;
  error?: string; hint?: string; optional?: boolean;
  type?: "text" | "email" | "password" | "tel"; autoComplete?: string; maxLength?: number;
}

export function TextField({ id, label, value, onValue, error, hint, optional, type = "text", autoComplete, maxLength }: InputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} optional={optional}>
      <input
        type={type as "text"} autoComplete={autoComplete} maxLength={maxLength} id={id} name={id} class="input" value={value}
        aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, error, hint)}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
      />
    </Field>
  );
}
