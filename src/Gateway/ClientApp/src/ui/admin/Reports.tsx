import { useEffect, useState } from "preact/hooks";
import type { Report } from "../../api/types";
import { dateTimeLabel } from "../../i18n/dates";
import { useApp, useChat, useT } from "../context";

/** The report queue, open reports first: the message in context, one-click actions (delete it, suspend its sender), and closing it. */
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

  const resolve = (r: Report, outcome: "actioned" | "dismissed") =>
    act(() => chat.http.post(`/api/admin/reports/${encodeURIComponent(r.id)}/resolve`, { outcome }));
  const open = items.filter((r) => !r.resolution);
  const ordered = [...open, ...items.filter((r) => r.resolution)];
  return (
    <ul class="reports">
      {open.length === 0 && <li class="empty">{t("admin.noReports")}</li>}
      {ordered.map((r) => {
        const sender = r.message ? members[r.message.senderId] : undefined;
        if (r.resolution) {
          return (
            <li key={r.id} class="report resolved">
              <p class="muted">{dateTimeLabel(r.createdAt, lang)} · {t(`admin.resolution.${r.resolution.outcome}`)}</p>
              <p>{r.reason}</p>
            </li>
          );
        }
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
              <button type="button" onClick={() => void resolve(r, "actioned")}>{t("admin.resolveActioned")}</button>
              <button type="button" onClick={() => void resolve(r, "dismissed")}>{t("admin.resolveDismissed")}</button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
