// Loads data for a page: {data, error, loading, reload}. Stale answers (after deps changed or
// the component unmounted) are dropped.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface Async<T> { data?: T; error?: unknown; loading: boolean; reload: () => void }

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => { if (seq.current === mine) setState({ data, loading: false }); },
      (error) => { if (seq.current === mine) setState({ error, loading: false }); },
    );
    return () => { seq.current++; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
