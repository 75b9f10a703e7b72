import { useEffect, useState } from "preact/hooks";

type Listener = () => void;

/** A small observable state container: components re-render when what they select changes. */
export class Store<S> {
  private listeners = new Set<Listener>();

  constructor(private state: S) {}

  get(): S {
    return this.state;
  }

  update(change: (state: S) => Partial<S>): void {
    this.state = { ...this.state, ...change(this.state) };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The selected part of a store's state, kept current. */
export function useSelect<S, T>(store: Store<S>, select: (state: S) => T): T {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const check = () => setValue(() => select(store.get()));
    check();
    return store.subscribe(check);
    // The selector is read afresh on every change; a new function identity does not resubscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}
