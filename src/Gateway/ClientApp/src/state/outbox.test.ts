import { describe, expect, it } from "vitest";
import { acknowledge, enqueue, fail, nextToSend, retry, type PendingSend } from "./outbox";

const send = (id: string): PendingSend => ({
  roomId: "r_1", clientMsgId: id, text: id, stampId: null, replyToSeq: null, createdAt: "2026-11-28T10:00:00Z", failed: null,
});

describe("the outbox", () => {
  it("sends in the order the member wrote", () => {
    const box = enqueue(enqueue([], send("a")), send("b"));
    expect(nextToSend(box)?.clientMsgId).toBe("a");
    expect(nextToSend(acknowledge(box, "a"))?.clientMsgId).toBe("b");
  });

  it("holds one entry per client message id", () => {
    expect(enqueue(enqueue([], send("a")), send("a"))).toHaveLength(1);
  });

  it("skips a refused send until the member retries it", () => {
    let box = enqueue(enqueue([], send("a")), send("b"));
    box = fail(box, "a", "forbidden");
    expect(nextToSend(box)?.clientMsgId).toBe("b");
    box = retry(acknowledge(box, "b"), "a");
    expect(nextToSend(box)?.clientMsgId).toBe("a");
  });
});
