import { useState } from "preact/hooks";
import type { Room } from "../api/types";
import { useChat, useT } from "./context";

/** For the room's owner and moderators: an address calendar apps subscribe to, with every meetup of the room; shown once, revocable. */
export function CalendarFeed({ room }: { room: Room }) {
  const chat = useChat();
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const path = `/api/rooms/${encodeURIComponent(room.id)}/calendar-feed`;

  async function create() {
    try {
      setUrl((await chat.http.post<{ url: string; token: string }>(path)).url);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function revoke() {
    try {
      await chat.http.delete(path);
      setUrl(null);
      chat.toast(t("meetups.feedRevoked"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <div class="calendar-feed stack">
      <div class="muted">{t("meetups.feedHint")}</div>
      {url && (
        <div class="field">
          <label for="calendar-feed-url">{t("meetups.feedUrl")}</label>
          <input id="calendar-feed-url" readOnly value={url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => void create()}>{t(url ? "meetups.feedRenew" : "meetups.feedCreate")}</button>
        <button type="button" onClick={() => void revoke()}>{t("meetups.feedRevoke")}</button>
      </div>
    </div>
  );
}
