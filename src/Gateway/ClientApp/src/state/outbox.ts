/** A send the member made that the server has not acknowledged yet. */
export interface PendingSend {
  roomId: string;
  clientMsgId: string;
  text: string | null;
  stampId: string | null;
  replyToSeq: number | null;
  createdAt: string;
  /** Set when the server refused it for good (it stays visible with a retry button). */
  failed: string | null;
}

/**
 * Sends wait here while the connection is down and go out once, in order: each is retried with
 * its own clientMsgId, which the server uses to answer a repeat with the original message.
 */
export function enqueue(outbox: readonly PendingSend[], send: PendingSend): PendingSend[] {
  return outbox.some((p) => p.clientMsgId === send.clientMsgId) ? [...outbox] : [...outbox, send];
}

export function acknowledge(outbox: readonly PendingSend[], clientMsgId: string): PendingSend[] {
  return outbox.filter((p) => p.clientMsgId !== clientMsgId);
}

export function fail(outbox: readonly PendingSend[], clientMsgId: string, reason: string): PendingSend[] {
  return outbox.map((p) => (p.clientMsgId === clientMsgId ? { ...p, failed: reason } : p));
}

export function retry(outbox: readonly PendingSend[], clientMsgId: string): PendingSend[] {
  return outbox.map((p) => (p.clientMsgId === clientMsgId ? { ...p, failed: null } : p));
}

/** The next send to try: the oldest that has not failed. */
export function nextToSend(outbox: readonly PendingSend[]): PendingSend | undefined {
  return outbox.find((p) => p.failed === null);
}

/** Whether a message the server sent (live or in history) is one still waiting here. */
export function isPending(outbox: readonly PendingSend[], clientMsgId: string): boolean {
  return outbox.some((p) => p.clientMsgId === clientMsgId);
}
