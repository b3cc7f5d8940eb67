// State that outlives a reload or a detour to another site (the payment page) in this tab only:
// sessionStorage, falling back to memory in private modes that refuse it.
import { useEffect, useState } from "preact/hooks";

export function loadSession<T extends object>(key: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? { ...fallback, ...(JSON.parse(raw) as T) } : fallback;
  } catch {
    return fallback;
  }
}

export function saveSession(key: string, value: unknown): void {
  try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* memory only */ }
}

/** useState kept in sessionStorage under `key`. */
export function useSessionState<T extends object>(key: string, fallback: () => T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => loadSession(key, fallback()));
  useEffect(() => saveSession(key, value), [key, value]);
  return [value, setValue];
}
