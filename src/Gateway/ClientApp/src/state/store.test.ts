import { describe, expect, it } from "vitest";
import { shallowEqual, Store } from "./store";

describe("the store", () => {
  it("tells its listeners about every change", () => {
    const store = new Store({ n: 1, m: 2 });
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get().n));
    store.update((s) => ({ n: s.n + 1 }));
    stop();
    store.update((s) => ({ n: s.n + 1 }));
    expect(seen).toEqual([2]);
    expect(store.get()).toEqual({ n: 3, m: 2 });
  });

  it("compares selections one level deep", () => {
    const a = { id: 1 };
    expect(shallowEqual([a, 2], [a, 2])).toBe(true);
    expect(shallowEqual([a], [{ id: 1 }])).toBe(false);
    expect(shallowEqual({ x: a }, { x: a })).toBe(true);
    expect(shallowEqual([1], { 0: 1 })).toBe(false);
  });
});
