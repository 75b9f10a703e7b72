import { useState } from "preact/hooks";
import type { Room } from "../api/types";
import { dateTimeLabel } from "../i18n/dates";
import { useApp, useChat, useT } from "./context";

/**
 * Mutes or unmutes the room's notifications for the member alone: muted, @all and @here of the room
 * and its messages raise no notification; a personal @mention still does.
 */
export function NotificationToggle({ room }: { room: Room }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const muted = !!room.notificationsMuted;

  async function toggle() {
    setBusy(true);
    try {
      const updated = await chat.http.put<Room>(`/api/rooms/${encodeURIComponent(room.id)}/notifications`, { muted: !muted });
      chat.store.update((s) => ({ rooms: { ...s.rooms, [updated.id]: updated } }));
    } catch (error) {
      chat.toastError(error);
    } finally {
      setBusy(false);
    }
  }

  const label = muted ? t("room.unmuteNotifications") : t("room.muteNotifications");
  const title = muted && room.notificationsMutedUntil ? t("room.notificationsMutedUntil", { time: dateTimeLabel(room.notificationsMutedUntil, lang) }) : label;
  return (
    <button type="button" class="icon-button notification-toggle" aria-pressed={muted} title={title} disabled={busy}
      data-testid="notification-toggle" onClick={() => void toggle()}>
      <span aria-hidden="true">{muted ? "🔕" : "🔔"}</span>
      <span class="visually-hidden">{t("room.muteNotifications")}</span>
    </button>
  );
}
