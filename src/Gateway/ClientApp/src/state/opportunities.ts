import type { Opportunity } from "../api/types";

/** Where the work is, as one line: the place, and whether it can be done remotely. */
export function whereLine(o: Pick<Opportunity, "location" | "remote">, remoteLabel: string): string {
  return [o.location, o.remote ? remoteLabel : ""].filter((s) => s.length > 0).join(" · ");
}

/** What a list shows after an opportunity changed: the one with that id replaced, the rest as they were. */
export function replaced(list: Opportunity[], changed: Opportunity): Opportunity[] {
  return list.map((o) => (o.id === changed.id ? changed : o));
}
