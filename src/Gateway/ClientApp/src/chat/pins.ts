import { ApiError } from "../api/errors";
import type { PinnedMessage } from "../api/types";
import { withoutPin } from "../state/pins";
import type { Chat } from "./chat";

const path = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/pins`;

/** Fetches a room's pins into the state (the pins list and the message menu read them there). */
export async function loadPins(chat: Chat, roomId: string): Promise<void> {
  const answer = await chat.http.get<{ items: PinnedMessage[] }>(path(roomId));
  chat.store.update((s) => ({ pins: { ...s.pins, [roomId]: answer.items } }));
}

/** Pins or unpins a message; the list follows the `pinned`/`unpinned` events. A full room says so in words. */
export async function togglePin(chat: Chat, roomId: string, seq: number, pinned: boolean): Promise<void> {
  try {
    if (pinned) {
      await chat.http.delete(`${path(roomId)}/${seq}`);
      chat.store.update((s) => (s.pins[roomId] ? { pins: { ...s.pins, [roomId]: withoutPin(s.pins[roomId], seq) } } : {}));
    } else {
      await chat.http.post(path(roomId), { seq });
      await loadPins(chat, roomId);
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === "conflict") chat.toast(chat.t("pins.full"), "error");
    else chat.toastError(error);
  }
}
