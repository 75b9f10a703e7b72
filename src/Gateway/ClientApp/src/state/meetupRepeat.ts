import type { MeetupRepeat, Weekday } from "../api/types";

export type RepeatChoice = "none" | "weekly" | "monthly";

const weekdays: Weekday[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The weekday of a wall-clock date (2030-02-08 → friday), read as a calendar date, whatever the viewer's zone. */
export function weekdayOf(localDate: string): Weekday {
  return weekdays[new Date(`${localDate.slice(0, 10)}T00:00:00Z`).getUTCDay()];
}

/** Which of its month's weekdays a date is: 1–4, or -1 for a 5th (as "the last"), so the series has a date every month. */
export function weekOfMonthOf(localDate: string): number {
  const day = Number(localDate.slice(8, 10));
  const nth = Math.floor((day - 1) / 7) + 1;
  return nth >= 5 ? -1 : nth;
}

/** The repeat rule the planner chose, named from the first date: every week on its weekday, or every month on its Nth weekday. */
export function repeatRule(choice: RepeatChoice, localStart: string): MeetupRepeat | null {
  if (choice === "none") return null;
  const weekday = weekdayOf(localStart);
  return choice === "weekly"
    ? { frequency: "weekly", interval: 1, weekdays: [weekday] }
    : { frequency: "monthly", interval: 1, weekOfMonth: weekOfMonthOf(localStart), weekdays: [weekday] };
}

/** The viewer's own IANA time zone, the planner's default. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** A meetup to plan: a single one by its instant in the viewer's zone, a series by its wall-clock time in the chosen zone. */
export function planBody(fields: { title: string; local: string; durationMinutes: number; location: string; repeat: RepeatChoice; timeZone: string }) {
  const { title, local, durationMinutes, location } = fields;
  const repeat = repeatRule(fields.repeat, local);
  if (repeat === null) return { title, startsAt: new Date(local).toISOString(), durationMinutes, location };
  return { title, localStart: local.slice(0, 16), timeZone: fields.timeZone, durationMinutes, location, repeat };
}
