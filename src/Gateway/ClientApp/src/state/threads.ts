import type { Message } from "../api/types";

/**
 * A thread's replies as shown: those fetched page by page and those the room's log holds (live
 * ones among them), one per seq, the log's copy winning (it carries later edits and deletions).
 */
export function threadReplies(rootSeq: number, fetched: readonly Message[], held: Iterable<Message>): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of fetched) if (m.replyToSeq === rootSeq) bySeq.set(m.seq, m);
  for (const m of held) if (m.replyToSeq === rootSeq) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
