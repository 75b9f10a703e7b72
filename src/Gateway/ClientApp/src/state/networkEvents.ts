import type { NetworkEvent } from "../api/types";

/** Places left, or null when the event has no limit. */
export function placesLeft(e: Pick<NetworkEvent, "capacity" | "going">): number | null {
  return e.capacity === null ? null : Math.max(0, e.capacity - e.going);
}

/** Whether answers are closed: the event has started. */
export function hasStarted(e: Pick<NetworkEvent, "startsAt">, now: number = Date.now()): boolean {
  return Date.parse(e.startsAt) <= now;
}

/** Tags as the secretariat types them: separated by commas (ASCII or Japanese) or spaces, empty ones dropped. */
export function tagsFrom(text: string): string[] {
  return text.split(/[,、\s]+/).map((t) => t.trim()).filter((t) => t.length > 0);
}
