import type { PinnedMessage } from "../api/types";

/** Who may pin in a room: its owner and moderators and the secretariat; in a DM, both members. */
export function mayPin(kind: string | undefined, myRole: string | null | undefined, isSecretariat: boolean): boolean {
  if (kind === "dm") return !!myRole;
  return isSecretariat || myRole === "owner" || myRole === "moderator";
}

/** A room's pins with one pinned (newest first); pinning a pinned message keeps the list as it is. */
export function withPinned(pins: readonly PinnedMessage[], pinned: PinnedMessage): PinnedMessage[] {
  if (pins.some((p) => p.message.seq === pinned.message.seq)) return [...pins];
  return [pinned, ...pins];
}

/** A room's pins without message `seq` (unpinned, or deleted). */
export function withoutPin(pins: readonly PinnedMessage[], seq: number): PinnedMessage[] {
  return pins.filter((p) => p.message.seq !== seq);
}
