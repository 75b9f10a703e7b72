import { useEffect, useState } from "preact/hooks";
import type { Room } from "../api/types";
import { navigate } from "../chat/router";
import { useChat, useT } from "./context";
import { Field } from "./Field";

/** Public rooms to find and join, and a form to start a new room or lunch-meetup room. */
export function Discover() {
  const chat = useChat();
  const t = useT();
  const [q, setQ] = useState("");
  const [rooms, setRooms] = useState<Room[] | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      chat.http.get<{ items: Room[] }>("/api/rooms/discover", { q }).then((r) => setRooms(r.items), (e) => chat.toastError(e));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [q]);

  async function join(room: Room) {
    try {
      if (!room.myRole) await chat.http.post(`/api/rooms/${encodeURIComponent(room.id)}/join`);
      await chat.history.loadRoom(room.id);
      navigate(`/rooms/${room.id}`);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function create(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const room = await chat.http.post<Room>("/api/rooms", {
        name: String(form.get("name")).trim(),
        topic: String(form.get("topic") ?? "").trim() || undefined,
        visibility: String(form.get("visibility")),
        kind: String(form.get("kind")),
      });
      await chat.history.loadRoom(room.id);
      navigate(`/rooms/${room.id}`);
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="discover">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("discover.title")}</h2>
      </header>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="visually-hidden" for="discover-q">{t("discover.search")}</label>
        <input id="discover-q" type="search" value={q} placeholder={t("discover.search")} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      </form>
      <details class="create-room">
        <summary>{t("discover.create")}</summary>
        {/* Unchecked by the code after the first render: the list arriving must not undo the member's choice. */}
        <form onSubmit={create} class="stack">
          <Field label={t("discover.name")} name="name" required maxLength={80} />
          <Field label={t("discover.topic")} name="topic" maxLength={500} />
          <fieldset>
            <legend>{t("discover.visibility")}</legend>
            <label><input type="radio" name="visibility" value="public" defaultChecked /> {t("discover.public")}</label>
            <label><input type="radio" name="visibility" value="private" /> {t("discover.private")}</label>
          </fieldset>
          <fieldset>
            <legend>{t("discover.kind")}</legend>
            <label><input type="radio" name="kind" value="room" defaultChecked /> {t("discover.kindRoom")}</label>
            <label><input type="radio" name="kind" value="meetup" /> {t("discover.kindMeetup")}</label>
          </fieldset>
          <button type="submit" class="primary">{t("discover.create")}</button>
        </form>
      </details>
      {rooms && rooms.length === 0 && <p class="empty">{t("discover.none")}</p>}
      <ul class="room-cards">
        {(rooms ?? []).map((room) => (
          <li key={room.id}>
            <div>
              <strong>{room.kind === "meetup" ? "🍱 " : "# "}{room.name}</strong>
              <span class="muted"> · {t("discover.members", { n: room.memberCount })}</span>
              {room.topic && <p>{room.topic}</p>}
            </div>
            <button type="button" class={room.myRole ? "" : "primary"} onClick={() => void join(room)} aria-label={`${room.myRole ? t("nav.rooms") : t("room.join")}: ${room.name}`}>
              {room.myRole ? t("nav.rooms") : t("room.join")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
