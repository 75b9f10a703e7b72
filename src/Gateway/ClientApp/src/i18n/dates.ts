import type { Lang } from "./i18n";

const locale = (lang: Lang) => (lang === "ja" ? "ja-JP" : "en-GB");

/** The day separator: 2026年11月28日(土) / Sat, 28 Nov 2026, in the viewer's time zone. */
export function dayLabel(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (lang === "ja") return new Intl.DateTimeFormat("ja-JP", { year: "numeric", month: "long", day: "numeric", weekday: "short", timeZone }).format(date);
  const parts = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", weekday: "short", timeZone }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")}, ${part("day")} ${part("month")} ${part("year")}`;
}

/** The calendar day of a time in the viewer's zone, to group messages by. */
export function dayKey(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(new Date(iso));
}

export function timeLabel(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

export function dateTimeLabel(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** Whether two messages by one sender are close enough to share a header (a few minutes). */
export function sameGroup(previousIso: string, iso: string, minutes = 5): boolean {
  return Math.abs(Date.parse(iso) - Date.parse(previousIso)) <= minutes * 60_000;
}
