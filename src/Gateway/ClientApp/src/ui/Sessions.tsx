import { useEffect, useState } from "preact/hooks";
import type { Session } from "../api/types";
import { dateTimeLabel } from "../i18n/dates";
import { useApp, useChat, useT } from "./context";

/** The member's signed-in devices, with a sign-out for each of the others and for all of them at once. */
export function Sessions() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [items, setItems] = useState<Session[]>([]);

  // This device first, then the others as the server orders them (most recently used first).
  const load = () => chat.http.get<{ items: Session[] }>("/api/me/sessions")
    .then((r) => setItems([...r.items.filter((s) => s.current), ...r.items.filter((s) => !s.current)]), (e) => chat.toastError(e));
  useEffect(() => void load(), []);

  async function signOut(path: string) {
    try {
      await chat.http.delete(path);
      chat.toast(t("sessions.signedOut"));
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  const others = items.filter((s) => !s.current);
  return (
    <section class="sessions stack" aria-labelledby="sessions-title">
      <h3 id="sessions-title">{t("sessions.title")}</h3>
      <p class="hint">{t("sessions.hint")}</p>
      <ul class="session-list">
        {items.map((s) => (
          <li key={s.id} class="session">
            <div>
              <strong>{s.device ?? t("sessions.unknownDevice")}</strong>
              {s.current && <span class="tag current">{t("sessions.current")}</span>}
              <p class="muted">
                {t("sessions.lastSeen", { date: dateTimeLabel(s.lastSeenAt, lang) })} ・ {t("sessions.signedIn", { date: dateTimeLabel(s.createdAt, lang) })}
              </p>
            </div>
            {!s.current && (
              <button type="button" onClick={() => void signOut(`/api/me/sessions/${encodeURIComponent(s.id)}`)}
                aria-label={`${t("sessions.signOut")}: ${s.device ?? t("sessions.unknownDevice")}`}>
                {t("sessions.signOut")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 1 && (
        <button type="button" class="danger" onClick={() => { if (window.confirm(t("sessions.confirmOthers"))) void signOut("/api/me/sessions/others"); }}>
          {t("sessions.signOutOthers")}
        </button>
      )}
    </section>
  );
}
