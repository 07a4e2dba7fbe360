// Loading state for one asynchronous read: loading, then data (possibly null: "nothing yet")
// or an error. A newer load supersedes an older one still in flight.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    load().then(
      (data) => ticket === latest.current && setState({ status: 'ready', data }),
      (error: unknown) => ticket === latest.current && setState({ status: 'error', error }),
    );
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
