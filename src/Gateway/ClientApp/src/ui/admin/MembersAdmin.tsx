import { useEffect, useState } from "preact/hooks";
import type { Member } from "../../api/types";
import { useChat, useT } from "../context";

/** Members with suspend and reinstate, found by the directory's search. */
export function MembersAdmin() {
  const chat = useChat();
  const t = useT();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Member[]>([]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      chat.http.get<{ items: Member[] }>("/api/members", { q, limit: 100 }).then((r) => setItems(r.items), (e) => chat.toastError(e));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [q]);

  async function suspend(member: Member, on: boolean) {
    if (on && !window.confirm(t("admin.confirmSuspend", { name: member.displayName }))) return;
    try {
      await chat.http.post(`/api/admin/members/${encodeURIComponent(member.id)}/${on ? "suspend" : "unsuspend"}`);
      chat.toast(t(on ? "admin.suspended" : "admin.unsuspended"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <div class="stack">
      <label class="visually-hidden" for="admin-members-q">{t("directory.search")}</label>
      <input id="admin-members-q" type="search" value={q} placeholder={t("directory.search")} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      <table>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>{m.displayName}</td>
              <td>@{m.handle}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td class="actions">
                {m.id !== chat.state.me?.id && (
                  <>
                    <button type="button" class="danger" onClick={() => void suspend(m, true)} aria-label={`${t("admin.suspend")}: ${m.displayName}`}>{t("admin.suspend")}</button>
                    <button type="button" onClick={() => void suspend(m, false)} aria-label={`${t("admin.unsuspend")}: ${m.displayName}`}>{t("admin.unsuspend")}</button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
