import type { Member, Room } from "../api/types";
import { normalize } from "./mentions";

/** In rooms with more members than this only the owner, moderators and the secretariat may use @all and @here (the server's rule). */
export const OPEN_TO_ANY_MEMBER_UP_TO = 20;

export type RoomWideHandle = "all" | "here";

/** Whether the member may write @all and @here in the room: the server refuses the message otherwise. */
export function mayMentionRoom(room: Room | undefined, me: Member | null | undefined): boolean {
  if (!room || !me || !room.myRole) return false;
  if (room.kind === "broadcast") return me.role === "secretariat";
  return room.memberCount <= OPEN_TO_ANY_MEMBER_UP_TO || me.role === "secretariat" || room.myRole === "owner" || room.myRole === "moderator";
}

/** The room-wide mentions whose handle starts with what was typed after the @ (none while nothing matches). */
export function completeRoomWide(query: string): RoomWideHandle[] {
  const q = normalize(query);
  return (["all", "here"] as const).filter((handle) => handle.startsWith(q));
}
