import { useEffect, useState } from "preact/hooks";
import type { Report } from "../../api/types";
import { dateTimeLabel } from "../../i18n/dates";
import { useApp, useChat, useT } from "../context";

/** The report queue: the message in context, and one-click actions (delete it, suspend its sender). */
export function Reports() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const members = useApp((s) => s.members);
  const [items, setItems] = useState<Report[]>([]);

  const load = () =>
    chat.http.get<{ items: Report[] }>("/api/admin/reports").then(async (r) => {
      // Names first, so that no report shows a member's id in their place.
      await chat.history.ensureMembers(r.items.flatMap((i) => [i.reporterId, ...(i.message ? [i.message.senderId] : [])]));
      setItems(r.items);
    }, (e) => chat.toastError(e));
  useEffect(() => void load(), []);

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (items.length === 0) return <p class="empty">{t("admin.noReports")}</p>;
  return (
    <ul class="reports">
      {items.map((r) => {
        const sender = r.message ? members[r.message.senderId] : undefined;
        return (
          <li key={r.id} class="report">
            <p class="muted">{dateTimeLabel(r.createdAt, lang)} · {t("admin.reportedBy", { name: members[r.reporterId]?.displayName ?? r.reporterId })}</p>
            <p><strong>{r.reason}</strong></p>
            {r.message && (
              <blockquote>
                <span class="name">{sender?.displayName ?? r.message.senderId}</span>
                <p>{r.message.deleted ? t("rooms.deleted") : (r.message.text ?? t("rooms.stamp"))}</p>
              </blockquote>
            )}
            <div class="actions">
              {r.message && !r.message.deleted && (
                <button type="button" class="danger" onClick={() => void act(() => chat.invoke("DeleteMessage", r.roomId, r.seq))}>{t("admin.deleteMessage")}</button>
              )}
              {r.message && (
                <button type="button" onClick={() => { if (window.confirm(t("admin.confirmSuspend", { name: sender?.displayName ?? "" }))) void act(() => chat.http.post(`/api/admin/members/${encodeURIComponent(r.message!.senderId)}/suspend`)); }}>
                  {t("admin.suspend")}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
