import { describe, expect, it } from "vitest";
import type { Message } from "../api/types";
import { applyReaction, emptyLog, markDeleted, mergeMessages, messagesOf } from "./log";

const msg = (seq: number, text = `m${seq}`, extra: Partial<Message> = {}): Message => ({
  roomId: "r_1", seq, senderId: "m_a", clientMsgId: `c${seq}`, text, stampId: null, replyToSeq: null, mentions: [],
  sentAt: "2026-11-28T10:00:00Z", editedAt: null, deleted: false, reactions: [], ...extra,
});

describe("a room's log", () => {
  it("holds a history page in seq order", () => {
    const { log } = mergeMessages(emptyLog, [msg(3), msg(1), msg(2)]);
    expect(messagesOf(log).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(log.complete).toBe(true);
  });

  it("keeps one copy when the same message arrives live and again in catch-up", () => {
    let { log } = mergeMessages(emptyLog, [msg(1), msg(2)]);
    log = mergeMessages(log, [msg(3)]).log;
    log = mergeMessages(log, [msg(2), msg(3), msg(4)]).log;
    expect(messagesOf(log).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it("reports a gap instead of showing a message past a missing seq", () => {
    const first = mergeMessages(emptyLog, [msg(1), msg(2)]);
    const { log, gapAfter } = mergeMessages(first.log, [msg(5)]);
    expect(gapAfter).toBe(2);
    expect(log.newest).toBe(2);
  });

  it("adds older pages at the front", () => {
    let { log } = mergeMessages(emptyLog, [msg(51), msg(52)]);
    expect(log.complete).toBe(false);
    log = mergeMessages(log, [msg(49), msg(50)]).log;
    expect(log.oldest).toBe(49);
    expect(messagesOf(log)).toHaveLength(4);
  });

  it("keeps the edited text when the older copy arrives later", () => {
    let { log } = mergeMessages(emptyLog, [msg(1, "edited", { editedAt: "2026-11-28T11:00:00Z" })]);
    log = mergeMessages(log, [msg(1, "original")]).log;
    expect(log.bySeq.get(1)?.text).toBe("edited");
  });

  it("turns a deleted message into a tombstone that keeps its seq", () => {
    let { log } = mergeMessages(emptyLog, [msg(1), msg(2)]);
    log = markDeleted(log, 1);
    expect(log.bySeq.get(1)).toMatchObject({ seq: 1, deleted: true, text: null });
    log = mergeMessages(log, [msg(1)]).log;
    expect(log.bySeq.get(1)?.deleted).toBe(true);
  });

  it("counts reactions as the server says and marks the reader's own", () => {
    let { log } = mergeMessages(emptyLog, [msg(1)]);
    log = applyReaction(log, { roomId: "r_1", seq: 1, key: "👍", memberId: "m_b", added: true, count: 1 }, "m_me");
    expect(log.bySeq.get(1)?.reactions).toEqual([{ key: "👍", count: 1, me: false }]);
    log = applyReaction(log, { roomId: "r_1", seq: 1, key: "👍", memberId: "m_me", added: true, count: 2 }, "m_me");
    expect(log.bySeq.get(1)?.reactions).toEqual([{ key: "👍", count: 2, me: true }]);
    log = applyReaction(log, { roomId: "r_1", seq: 1, key: "👍", memberId: "m_me", added: false, count: 1 }, "m_me");
    expect(log.bySeq.get(1)?.reactions).toEqual([{ key: "👍", count: 1, me: false }]);
    log = applyReaction(log, { roomId: "r_1", seq: 1, key: "👍", memberId: "m_b", added: false, count: 0 }, "m_me");
    expect(log.bySeq.get(1)?.reactions).toEqual([]);
  });
});
