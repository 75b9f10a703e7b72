import type { Meetup } from "../api/types";
import { dateTimeLabel } from "../i18n/dates";
import { useApp, useChat, useT } from "./context";

/** Under a meetup: a series' rule and next dates, and its calendar file to add to one's own calendar. */
export function MeetupSeries({ meetup }: { meetup: Meetup }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const path = `/api/rooms/${encodeURIComponent(meetup.roomId)}/meetups/${encodeURIComponent(meetup.id)}/calendar.ics`;

  async function addToCalendar(e: Event) {
    e.preventDefault();
    try {
      const text = await chat.http.text(path);
      const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${meetup.id}.ics`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      chat.toastError(error);
    }
  }

  const repeat = meetup.repeat;
  return (
    <div class="meetup-series">
      {repeat && (
        <>
          <div class="muted" data-testid="meetup-rule">
            {repeat.frequency === "weekly"
              ? t("meetups.rule.weekly", { days: (repeat.weekdays ?? []).map((d) => t(`weekday.${d}`)).join("・") })
              : repeat.dayOfMonth
                ? t("meetups.rule.monthlyDay", { day: repeat.dayOfMonth })
                : t(repeat.weekOfMonth === -1 ? "meetups.rule.monthlyLast" : "meetups.rule.monthlyNth",
                  { nth: repeat.weekOfMonth ?? 1, day: t(`weekday.${repeat.weekdays?.[0] ?? "monday"}`) })}
            {" · "}{meetup.localStart?.slice(11, 16)} ({meetup.timeZone})
          </div>
          <div class="muted">{t("meetups.next")}</div>
          <ul class="meetup-next" data-testid="meetup-next">
            {(meetup.occurrences ?? []).map((o) => <li key={o}>{dateTimeLabel(o, lang, meetup.timeZone)}</li>)}
          </ul>
        </>
      )}
      <a href={path} onClick={(e) => void addToCalendar(e)} download={`${meetup.id}.ics`}>{t("meetups.addToCalendar")}</a>
    </div>
  );
}
