import { useEffect, useState } from "preact/hooks";
import type { EventAttendees, NetworkEvent } from "../api/types";
import { navigate } from "../chat/router";
import { dateTimeLabel } from "../i18n/dates";
import { hasStarted, placesLeft, tagsFrom } from "../state/networkEvents";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";

/** Reunions and seminars of the whole network: answer going or not; the secretariat plans them and records who came. */
export function NetworkEvents() {
  const chat = useChat();
  const t = useT();
  const me = useApp((s) => s.me);
  const [items, setItems] = useState<NetworkEvent[] | null>(null);
  const [planning, setPlanning] = useState(false);
  const [past, setPast] = useState(false);
  const secretariat = me?.role === "secretariat";

  async function load() {
    try {
      setItems((await chat.http.get<{ items: NetworkEvent[] }>("/api/events", { past: past || undefined })).items);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => void load(), [past]);

  async function create(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const capacity = String(form.get("capacity") ?? "");
    try {
      await chat.http.post<NetworkEvent>("/api/events", {
        title: String(form.get("title")),
        startsAt: new Date(String(form.get("startsAt"))).toISOString(),
        location: String(form.get("location") ?? ""),
        description: String(form.get("description") ?? ""),
        capacity: capacity ? Number(capacity) : undefined,
        invitedTags: tagsFrom(String(form.get("tags") ?? "")),
      });
      setPlanning(false);
      chat.toast(t("events.created"));
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function answer(id: string, response: "going" | "declined") {
    try {
      const changed = await chat.http.put<NetworkEvent>(`/api/events/${encodeURIComponent(id)}/rsvp`, { response });
      setItems((list) => (list ?? []).map((x) => (x.id === id ? changed : x)));
      if (changed.myStatus === "waitlisted") chat.toast(t("events.waitlistedToast", { position: changed.myWaitlistPosition ?? 0 }));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="network-events">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("events.title")}</h2>
        {secretariat && !planning && <button type="button" class="primary" onClick={() => setPlanning(true)}>{t("events.new")}</button>}
      </header>
      {planning && (
        <form class="stack event-form" onSubmit={create} aria-label={t("events.new")}>
          <Field label={t("events.titleField")} name="title" required maxLength={80} />
          <Field label={t("events.startsAt")} name="startsAt" type="datetime-local" required />
          <Field label={t("events.location")} name="location" maxLength={200} />
          <Field label={t("events.capacity")} name="capacity" type="number" min={1} />
          <Field label={t("events.tags")} name="tags" />
          <label>
            {t("events.description")}
            <textarea name="description" rows={4} maxLength={4000} />
          </label>
          <div class="row">
            <button type="button" onClick={() => setPlanning(false)}>{t("events.cancel")}</button>
            <button type="submit" class="primary">{t("events.create")}</button>
          </div>
        </form>
      )}
      {secretariat && (
        <label class="check past-events"><input type="checkbox" checked={past} onChange={(e) => setPast((e.currentTarget as HTMLInputElement).checked)} /> {t("events.past")}</label>
      )}
      {items?.length === 0 && <p class="empty">{t("events.none")}</p>}
      <ul class="event-cards">
        {(items ?? []).map((e) => <EventCard key={e.id} event={e} secretariat={secretariat} onAnswer={answer} />)}
      </ul>
    </section>
  );
}

function EventCard({ event: e, secretariat, onAnswer }: { event: NetworkEvent; secretariat: boolean; onAnswer: (id: string, response: "going" | "declined") => void }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [showing, setShowing] = useState(false);
  const left = placesLeft(e);
  const started = hasStarted(e);
  return (
    <li class="event-card" aria-labelledby={`event-${e.id}`}>
      <h3 id={`event-${e.id}`}>{e.title}</h3>
      <p class="muted">{dateTimeLabel(e.startsAt, lang)}{e.location && ` · ${e.location}`}</p>
      {e.description && <p class="event-description">{e.description}</p>}
      <p class="muted">
        {t("events.goingCount", { count: e.going })}
        {left !== null && ` · ${t("events.placesLeft", { count: left })}`}
        {e.waitlisted > 0 && ` · ${t("events.waitingCount", { count: e.waitlisted })}`}
      </p>
      {e.myStatus && (
        <p class={`event-status ${e.myStatus}`}>
          {e.myStatus === "waitlisted" ? t("events.youWait", { position: e.myWaitlistPosition ?? 0 }) : t(`events.you.${e.myStatus}`)}
        </p>
      )}
      {!started && (
        <div class="row">
          {e.myStatus !== "going" && e.myStatus !== "waitlisted" && (
            <button type="button" class="primary" onClick={() => onAnswer(e.id, "going")}>{left === 0 ? t("events.joinWaitlist") : t("events.going")}</button>
          )}
          {e.myStatus !== "declined" && <button type="button" onClick={() => onAnswer(e.id, "declined")}>{t("events.declined")}</button>}
        </div>
      )}
      {(e.myStatus === "going" || e.myStatus === "waitlisted" || secretariat) && (
        <a href={`/rooms/${e.roomId}`} onClick={(ev) => { ev.preventDefault(); navigate(`/rooms/${e.roomId}`); }}>{t("events.openRoom")}</a>
      )}
      {secretariat && (
        <div>
          <button type="button" class="link-button" aria-expanded={showing} onClick={() => setShowing(!showing)}>{t("events.attendees")}</button>
          {showing && <AttendeesPanel event={e} started={started} />}
        </div>
      )}
    </li>
  );
}

/** The secretariat's view of who comes, and once the event has started, the attendance to tick and record. */
function AttendeesPanel({ event: e, started }: { event: NetworkEvent; started: boolean }) {
  const chat = useChat();
  const t = useT();
  const members = useApp((s) => s.members);
  const [attendees, setAttendees] = useState<EventAttendees | null>(null);
  const [attended, setAttended] = useState<Set<string>>(new Set());
  const path = `/api/events/${encodeURIComponent(e.id)}`;

  useEffect(() => {
    chat.http.get<EventAttendees>(`${path}/attendees`).then(async (a) => {
      await chat.history.ensureMembers([...a.going, ...a.waitlisted, ...a.declined]);
      setAttendees(a);
      setAttended(new Set(a.attended));
    }, (error) => chat.toastError(error));
  }, [e.id, e.going, e.waitlisted]);

  async function record() {
    try {
      const a = await chat.http.put<EventAttendees>(`${path}/attendance`, { memberIds: [...attended] });
      setAttendees(a);
      chat.toast(t("events.attendanceSaved", { count: a.attended.length }));
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (!attendees) return <p class="loading">{t("app.loading")}</p>;
  const name = (id: string) => members[id]?.displayName || id;
  const toggle = (id: string, on: boolean) => setAttended((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; });
  return (
    <div class="stack attendees">
      <h4>{t("events.goingList")}</h4>
      <ul>
        {attendees.going.map((id) => (
          <li key={id}>
            {started ? <label><input type="checkbox" checked={attended.has(id)} onChange={(ev) => toggle(id, (ev.currentTarget as HTMLInputElement).checked)} /> {name(id)}</label> : name(id)}
          </li>
        ))}
      </ul>
      {attendees.waitlisted.length > 0 && (<><h4>{t("events.waitingList")}</h4><ol>{attendees.waitlisted.map((id) => <li key={id}>{name(id)}</li>)}</ol></>)}
      {attendees.declined.length > 0 && (<><h4>{t("events.declinedList")}</h4><ul>{attendees.declined.map((id) => <li key={id}>{name(id)}</li>)}</ul></>)}
      {started && <button type="button" class="primary" onClick={() => void record()}>{t("events.recordAttendance")}</button>}
    </div>
  );
}
