import type { Message, ReactionEvent } from "../api/types";

/**
 * The part of a room's log this client holds: messages by seq, always a contiguous run
 * from `oldest` to `newest`, so a missing seq is never shown as if there were none.
 */
export interface RoomLog {
  bySeq: ReadonlyMap<number, Message>;
  oldest: number; // 0 when empty
  newest: number; // 0 when empty
  /** True once seq 1 is held (nothing older to load). */
  complete: boolean;
}

export const emptyLog: RoomLog = { bySeq: new Map(), oldest: 0, newest: 0, complete: false };

/**
 * Adds messages (history pages, live events, send acknowledgements) to a log. The same seq
 * twice keeps one message, the later edit winning; messages that would leave a hole after
 * `newest` are left out and reported, so the caller fetches the range in between.
 */
export function mergeMessages(log: RoomLog, messages: readonly Message[]): { log: RoomLog; gapAfter: number | null } {
  if (messages.length === 0) return { log, gapAfter: null };
  const bySeq = new Map(log.bySeq);
  let oldest = log.oldest;
  let newest = log.newest;
  let gapAfter: number | null = null;
  const sorted = [...messages].sort((a, b) => a.seq - b.seq);
  const contiguous = sorted.every((m, i) => i === 0 || m.seq - sorted[i - 1].seq <= 1);
  if (bySeq.size === 0 && contiguous) {
    for (const m of sorted) bySeq.set(m.seq, m);
    oldest = sorted[0].seq;
    newest = sorted[sorted.length - 1].seq;
    return { log: { bySeq, oldest, newest, complete: oldest === 1 }, gapAfter: null };
  }
  // Older messages join at the front, newest first; a page that does not reach the held run is skipped.
  for (const message of sorted.filter((m) => m.seq < oldest).reverse()) {
    if (message.seq !== oldest - 1) break;
    bySeq.set(message.seq, message);
    oldest = message.seq;
  }
  for (const message of sorted.filter((m) => m.seq >= oldest || bySeq.size === 0)) {
    const known = bySeq.get(message.seq);
    if (known) {
      bySeq.set(message.seq, newer(known, message));
    } else if (bySeq.size === 0 || message.seq === newest + 1) {
      bySeq.set(message.seq, message);
      if (oldest === 0) oldest = message.seq;
      newest = message.seq;
    } else if (message.seq > newest + 1) {
      gapAfter = gapAfter ?? newest;
    }
  }
  return { log: { bySeq, oldest, newest, complete: oldest === 1 }, gapAfter };
}

function newer(a: Message, b: Message): Message {
  if (b.deleted && !a.deleted) return b;
  if (a.deleted && !b.deleted) return a;
  const at = a.editedAt ? Date.parse(a.editedAt) : 0;
  const bt = b.editedAt ? Date.parse(b.editedAt) : 0;
  return bt >= at ? b : a;
}

/** The log's messages in seq order. */
export function messagesOf(log: RoomLog): Message[] {
  const out: Message[] = [];
  for (let seq = log.oldest; seq > 0 && seq <= log.newest; seq++) {
    const m = log.bySeq.get(seq);
    if (m) out.push(m);
  }
  return out;
}

export function updateMessage(log: RoomLog, seq: number, change: (m: Message) => Message): RoomLog {
  const known = log.bySeq.get(seq);
  if (!known) return log;
  const bySeq = new Map(log.bySeq);
  bySeq.set(seq, change(known));
  return { ...log, bySeq };
}

export function markDeleted(log: RoomLog, seq: number): RoomLog {
  return updateMessage(log, seq, (m) => ({ ...m, deleted: true, text: null, stampId: null, reactions: [] }));
}

/** A reaction event: the server's count is the truth; `me` changes only for the reader's own reactions. */
export function applyReaction(log: RoomLog, event: ReactionEvent, myId: string): RoomLog {
  return updateMessage(log, event.seq, (m) => {
    const mine = event.memberId === myId;
    const existing = m.reactions.find((r) => r.key === event.key);
    let reactions = m.reactions.map((r) => (r.key === event.key ? { ...r, count: event.count, me: mine ? event.added : r.me } : r));
    if (!existing && event.count > 0) reactions = [...reactions, { key: event.key, count: event.count, me: mine && event.added }];
    return { ...m, reactions: reactions.filter((r) => r.count > 0) };
  });
}
