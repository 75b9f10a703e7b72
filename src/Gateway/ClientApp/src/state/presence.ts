/** The most members one connection may watch (the server's `SubscribePresence` limit). */
export const PRESENCE_WATCH_MAX = 200;

/**
 * The members whose presence the client asks the hub for: those on screen (a directory page, a
 * profile, a room's member list, the DM list). Each part of the screen registers its list; the
 * newest registration comes first, so what was opened last is kept when the lists together are
 * more than the hub takes.
 */
export class PresenceWatch {
  private readonly lists = new Map<number, readonly string[]>();
  private next = 0;

  /** Registers a list of member ids; the returned function takes it back. */
  add(ids: readonly string[]): () => void {
    const id = ++this.next;
    this.lists.set(id, ids);
    return () => this.lists.delete(id);
  }

  /** Every watched member once, the newest lists first, without `me`, at most `max`. */
  wanted(me: string | null, max = PRESENCE_WATCH_MAX): string[] {
    const seen = new Set<string>();
    for (const id of [...this.lists.keys()].sort((a, b) => b - a)) {
      for (const memberId of this.lists.get(id) ?? []) {
        if (seen.size >= max) return [...seen];
        if (memberId && memberId !== me) seen.add(memberId);
      }
    }
    return [...seen];
  }
}

/** Whether two watch lists ask for the same members, in any order. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
