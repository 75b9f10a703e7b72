import type { Meetup } from "../api/types";

/** The loaded meetups with what the hub said since: newer versions replace theirs, newly planned upcoming ones join, by start time. */
export function withHeard(loaded: Meetup[], heard: Record<string, Meetup>, roomId: string, now = Date.now()): Meetup[] {
  const byId = new Map(loaded.map((m) => [m.id, heard[m.id] ?? m]));
  for (const m of Object.values(heard)) {
    if (m.roomId === roomId && !byId.has(m.id) && Date.parse(m.startsAt) >= now) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
