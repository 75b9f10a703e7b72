import type { Chat } from "../chat/chat";
import { logOf } from "../chat/state";

/** Loads older pages of a room until its log holds `seq` (or reaches the room's first message). */
export async function loadBackTo(chat: Chat, roomId: string, seq: number): Promise<void> {
  for (;;) {
    const log = logOf(chat.state, roomId);
    if (log.complete || (log.oldest > 0 && log.oldest <= seq)) return;
    const before = log.oldest;
    await chat.history.loadOlder(roomId);
    if (logOf(chat.state, roomId).oldest === before) return;
  }
}

/** Scrolls message `seq` of the room into the middle of the view and marks it; false while it is not shown yet. */
export function showFocused(scroller: HTMLElement, roomId: string, seq: number): boolean {
  const item = scroller.querySelector<HTMLElement>(`[id="m-${CSS.escape(roomId)}-${seq}"]`);
  if (!item) return false;
  item.scrollIntoView({ block: "center" });
  item.classList.add("focused");
  return true;
}
