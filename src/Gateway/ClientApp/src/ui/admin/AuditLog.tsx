import { useEffect, useState } from "preact/hooks";
import { auditActions, type AuditEntry, type AuditPage } from "../../api/types";
import { dateTimeLabel } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/i18n";
import { describeAudit } from "../../state/audit";
import { useApp, useChat, useT } from "../context";

/** The audit log: who did what to whom, newest first, one action at a time if asked; older pages on demand. */
export function AuditLog() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const members = useApp((s) => s.members);
  const [action, setAction] = useState("");
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);

  async function load(before: number | null) {
    try {
      const page = await chat.http.get<AuditPage>("/api/admin/audit", { action, before, limit: 50 });
      setItems((held) => (before === null ? page.items : [...held, ...page.items]));
      setNextBefore(page.nextBefore);
      const memberIds = page.items.flatMap((e) => (e.targetId?.startsWith("m_") ? [e.targetId] : []));
      await chat.history.ensureMembers(memberIds);
    } catch (error) {
      chat.toastError(error);
    }
  }
  useEffect(() => void load(null), [action]);

  const memberName = (id: string) => members[id]?.displayName ?? id;
  return (
    <div class="stack audit">
      <div class="audit-filter">
        <label for="audit-action">{t("audit.filter")}</label>
        <select id="audit-action" value={action} onChange={(e) => setAction((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t("audit.allActions")}</option>
          {auditActions.map((a) => <option key={a} value={a}>{t(`audit.action.${a}` as MessageKey)}</option>)}
        </select>
      </div>
      {items.length === 0 ? <p class="empty">{t("audit.empty")}</p> : (
        <table>
          <thead>
            <tr><th scope="col">{t("audit.when")}</th><th scope="col">{t("audit.actor")}</th><th scope="col">{t("audit.action")}</th><th scope="col">{t("audit.target")}</th></tr>
          </thead>
          <tbody>
            {items.map((entry) => {
              const line = describeAudit(entry, t, memberName);
              return (
                <tr key={entry.id}>
                  <td class="when">{dateTimeLabel(entry.at, lang)}</td>
                  <td>{entry.actorHandle ? `@${entry.actorHandle}` : t("audit.system")}</td>
                  <td>{line.action}</td>
                  <td>{line.target}{line.detail && <span class="muted"> {line.detail}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextBefore !== null && <button type="button" onClick={() => void load(nextBefore)}>{t("audit.more")}</button>}
    </div>
  );
}
