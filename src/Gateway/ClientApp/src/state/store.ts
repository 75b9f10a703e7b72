import { useEffect, useReducer, useRef } from "preact/hooks";

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

/**
 * The selected part of a store's state, kept current. The selector is read afresh on every render
 * and every change (it may use the component's props); the component re-renders only when the
 * selected value changed (arrays and plain objects compared one level deep).
 */
export function useSelect<S, T>(store: Store<S>, select: (state: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = select(store.get());
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useEffect(
    () =>
      store.subscribe(() => {
        if (!shallowEqual(latest.current.select(store.get()), latest.current.value)) rerender(0);
      }),
    [store],
  );
  return value;
}

export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
