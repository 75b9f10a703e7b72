import type { HubConnection } from "@microsoft/signalr";
import { fromHubError } from "../api/errors";
import type { Message } from "../api/types";
import { acknowledge, enqueue, fail, nextToSend, retry } from "../state/outbox";
import type { Store } from "../state/store";
import type { History } from "./history";
import { isConnected } from "./hub";
import type { AppState } from "./state";

/**
 * Sends through the outbox: one at a time, in the order written, only while connected and caught
 * up. A send whose answer was lost goes out again with the same clientMsgId, which the server
 * answers with the message it stored: nothing is posted twice.
 */
export class Sender {
  private flushing = false;

  constructor(
    private readonly store: Store<AppState>,
    private readonly history: History,
    private readonly hub: () => HubConnection | null,
  ) {}

  /** Queues a send; its clientMsgId. */
  send(roomId: string, content: { text?: string; stampId?: string; replyToSeq?: number | null }): string {
    const pending = {
      roomId,
      clientMsgId: crypto.randomUUID(),
      text: content.text ?? null,
      stampId: content.stampId ?? null,
      replyToSeq: content.replyToSeq ?? null,
      createdAt: new Date().toISOString(),
      failed: null,
    };
    this.store.update((s) => ({ outbox: enqueue(s.outbox, pending) }));
    void this.flush();
    return pending.clientMsgId;
  }

  retry(clientMsgId: string): void {
    this.store.update((s) => ({ outbox: retry(s.outbox, clientMsgId) }));
    void this.flush();
  }

  discard(clientMsgId: string): void {
    this.store.update((s) => ({ outbox: acknowledge(s.outbox, clientMsgId) }));
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const hub = this.hub();
        const next = nextToSend(this.store.get().outbox);
        if (!next || !isConnected(hub) || !this.store.get().caughtUp) return;
        try {
          const body: Record<string, unknown> = { clientMsgId: next.clientMsgId };
          if (next.text) body.text = next.text;
          if (next.stampId) body.stampId = next.stampId;
          if (next.replyToSeq) body.replyToSeq = next.replyToSeq;
          const message = await hub.invoke<Message>("SendMessage", next.roomId, body);
          this.history.merge(next.roomId, [message]);
          this.store.update((s) => ({ outbox: acknowledge(s.outbox, next.clientMsgId) }));
        } catch (raw) {
          const error = fromHubError(raw);
          console.warn(`SendMessage refused: ${error.code}: ${error.message}`);
          // Not sent, or not known to be: it goes out again after reconnecting.
          if (error.code === "network") return;
          // Not stored, and worth another try with the same id: busy, or a server of the network stopped meanwhile.
          if (error.code === "rate_limited" || error.code === "conflict" || error.code === "unavailable") {
            await new Promise((resolve) => window.setTimeout(resolve, 1500));
            continue;
          }
          this.store.update((s) => ({ outbox: fail(s.outbox, next.clientMsgId, error.code) }));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
