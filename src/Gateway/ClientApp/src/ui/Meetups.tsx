import { useEffect, useState } from "preact/hooks";
import type { Meetup, Room } from "../api/types";
import { dateTimeLabel } from "../i18n/dates";
import { withHeard } from "../state/meetups";
import { planBody, type RepeatChoice } from "../state/meetupRepeat";
import { CalendarFeed } from "./CalendarFeed";
import { MeetupRepeatFields } from "./MeetupRepeatFields";
import { MeetupSeries } from "./MeetupSeries";
import { listLabel } from "../i18n/i18n";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";

/** A room's upcoming lunch meetups with RSVP; owners and moderators plan new ones. */
export function Meetups({ room }: { room: Room }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me?.id);
  const members = useApp((s) => s.members);
  const [loaded, setMeetups] = useState<Meetup[]>([]);
  // What the hub said since: a newer version of a listed meetup, or one planned meanwhile.
  const heard = useApp((s) => s.meetups);
  const meetups = withHeard(loaded, heard, room.id);
  const [planning, setPlanning] = useState(false);
  const base = `/api/rooms/${encodeURIComponent(room.id)}/meetups`;
  const canPlan = room.myRole === "owner" || room.myRole === "moderator";

  const load = () =>
    chat.http.get<{ items: Meetup[] }>(base, { upcoming: true }).then(async (r) => {
      await chat.history.ensureMembers(r.items.flatMap((m) => m.rsvps.map((x) => x.memberId)));
      // The list just fetched is the latest word on these meetups.
      chat.store.update((s) => {
        const meetups = { ...s.meetups };
        for (const m of r.items) delete meetups[m.id];
        return { meetups };
      });
      setMeetups(r.items);
    }, (e) => chat.toastError(e));
  useEffect(() => {
    void load();
    // Others answer meanwhile: what they said is fetched again when the member comes back to the page.
    const again = () => { if (document.visibilityState === "visible") void load(); };
    document.addEventListener("visibilitychange", again);
    window.addEventListener("focus", again);
    return () => {
      document.removeEventListener("visibilitychange", again);
      window.removeEventListener("focus", again);
    };
  }, [room.id]);

  async function rsvp(meetup: Meetup, response: string) {
    try {
      const updated = await chat.http.put<Meetup>(`${base}/${encodeURIComponent(meetup.id)}/rsvp`, { response });
      await chat.history.ensureMembers(updated.rsvps.map((x) => x.memberId));
      setMeetups((all) => all.map((m) => (m.id === updated.id ? updated : m)));
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function plan(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      await chat.http.post(base, planBody({
        title: String(form.get("title")),
        local: String(form.get("startsAt")),
        durationMinutes: Number(form.get("durationMinutes")),
        location: String(form.get("location")),
        repeat: (form.get("repeat") ?? "none") as RepeatChoice,
        timeZone: String(form.get("timeZone") ?? ""),
      }));
      setPlanning(false);
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (room.kind !== "meetup" && meetups.length === 0 && !canPlan) return null;
  return (
    <section class="meetups">
      <h3>{t("meetups.title")}</h3>
      {meetups.length === 0 && <p class="empty">{t("meetups.none")}</p>}
      <ul>
        {meetups.map((m) => {
          const mine = m.rsvps.find((r) => r.memberId === me)?.response;
          const count = (r: string) => m.rsvps.filter((x) => x.response === r).length;
          return (
            <li key={m.id} class="meetup">
              <strong>{m.title}</strong>
              <div>{dateTimeLabel(m.startsAt, lang)} · {m.location}</div>
              <div class="muted">{t("meetups.counts", { going: count("going"), maybe: count("maybe") })}</div>
              {(["going", "maybe"] as const).map((r) => {
                const names = m.rsvps.filter((x) => x.response === r).map((x) => members[x.memberId]?.displayName ?? "…");
                return names.length > 0 && <div key={r} class="attendees" data-testid={`meetup-${r}`}>{t(`meetups.${r}Names`, { names: listLabel(names, lang) })}</div>;
              })}
              <MeetupSeries meetup={m} />
              <div class="segmented" role="group" aria-label={m.title}>
                {(["going", "maybe", "declined"] as const).map((r) => (
                  <button key={r} type="button" aria-pressed={mine === r} class={mine === r ? "selected" : ""} onClick={() => void rsvp(m, r)}>
                    {t(`meetups.${r}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      {canPlan && !planning && <button type="button" onClick={() => setPlanning(true)}>{t("meetups.create")}</button>}
      {canPlan && <CalendarFeed room={room} />}
      {planning && (
        <form onSubmit={plan} class="stack">
          <Field label={t("meetups.titleField")} name="title" required maxLength={120} />
          <Field label={t("meetups.startsAt")} name="startsAt" type="datetime-local" required />
          <Field label={t("meetups.duration")} name="durationMinutes" type="number" min={15} max={600} defaultValue="60" required />
          <Field label={t("meetups.location")} name="location" required maxLength={200} />
          <MeetupRepeatFields />
          <div class="actions">
            <button type="submit" class="primary">{t("meetups.create")}</button>
            <button type="button" onClick={() => setPlanning(false)}>{t("room.cancel")}</button>
          </div>
        </form>
      )}
    </section>
  );
}
