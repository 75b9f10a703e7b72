import type { Room } from "../api/types";
import type { AppState } from "../chat/state";
import type { Chat } from "../chat/chat";
import { useApp, useChat } from "./context";

/** A room's name as the member sees it: the other member's name for a DM, a fixed name for the broadcast channel. */
export function roomTitle(room: Room, state: AppState, t: Chat["t"]): string {
  if (room.kind === "broadcast") return t("rooms.broadcast");
  if (room.kind === "dm") return state.members[state.dmPeer[room.id] ?? ""]?.displayName ?? "…";
  return room.name;
}

export function useRoomTitle(room: Room | undefined): string {
  const chat = useChat();
  return useApp((s) => (room ? roomTitle(room, s, chat.t) : ""));
}
