import { useEffect, useState } from "preact/hooks";
import type { Invitation } from "../../api/types";
import { dateTimeLabel } from "../../i18n/dates";
import { useApp, useChat, useT } from "../context";
import { Field } from "../Field";

/** Invitations by the hundred: create, copy the new codes, download them as CSV, see which were used, revoke unused ones. */
export function Invitations() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [items, setItems] = useState<Invitation[]>([]);
  const [fresh, setFresh] = useState<string[]>([]);

  const members = useApp((s) => s.members);
  const load = () =>
    chat.http.get<{ items: Invitation[] }>("/api/admin/invitations").then((r) => {
      setItems(r.items);
      void chat.history.ensureMembers(r.items.flatMap((i) => (i.usedBy ? [i.usedBy] : [])));
    }, (e) => chat.toastError(e));
  useEffect(() => void load(), []);

  async function create(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const { codes } = await chat.http.post<{ codes: string[] }>("/api/admin/invitations", {
        count: Number(form.get("count")),
        role: String(form.get("role")),
        expiresInDays: Number(form.get("expiresInDays")),
        note: String(form.get("note") ?? "").trim() || undefined,
      });
      setFresh(codes);
      chat.toast(t("admin.inviteCreated", { n: codes.length }));
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function revoke(code: string) {
    if (!window.confirm(t("admin.confirmRevoke", { code }))) return;
    try {
      await chat.http.delete(`/api/admin/invitations/${encodeURIComponent(code)}`);
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  const signUpLink = (code: string) => `${location.origin}/signup?code=${encodeURIComponent(code)}`;

  async function copy() {
    await navigator.clipboard?.writeText(fresh.map((c) => `${c}\t${signUpLink(c)}`).join("\n")).catch(() => {});
    chat.toast(t("admin.copied"));
  }

  function csv() {
    const rows = [["code", "role", "expiresAt", "usedBy", "note", "signUpLink"], ...items.map((i) => [i.code, i.role, i.expiresAt, i.usedBy ?? "", i.note ?? "", signUpLink(i.code)])];
    const text = rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(",")).join("\r\n");
    const url = URL.createObjectURL(new Blob(["\uFEFF" + text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "invitations.csv";
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div class="stack">
      <form onSubmit={create} class="inline-form">
        <Field label={t("admin.inviteCount")} name="count" type="number" min={1} max={1000} defaultValue="10" required />
        <div class="field">
          <label for="invite-role">{t("admin.inviteRole")}</label>
          <select id="invite-role" name="role">
            {(["alumnus", "employee", "supporter", "secretariat"] as const).map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </div>
        <Field label={t("admin.inviteDays")} name="expiresInDays" type="number" min={1} max={365} defaultValue="30" required />
        <Field label={t("admin.inviteNote")} name="note" maxLength={500} />
        <button type="submit" class="primary">{t("admin.inviteCreate")}</button>
      </form>
      {fresh.length > 0 && (
        <div class="fresh-codes">
          <textarea readOnly rows={Math.min(8, fresh.length)} aria-label={t("admin.code")} data-testid="fresh-codes" value={fresh.join("\n")} />
          <button type="button" onClick={() => void copy()}>{t("admin.copy")}</button>
        </div>
      )}
      <button type="button" onClick={csv}>{t("admin.downloadCsv")}</button>
      <table>
        <thead>
          <tr><th scope="col">{t("admin.code")}</th><th scope="col">{t("admin.inviteRole")}</th><th scope="col">{t("admin.expires")}</th><th scope="col">{t("admin.usedBy")}</th><th scope="col">{t("admin.note")}</th><th scope="col"><span class="visually-hidden">{t("admin.revoke")}</span></th></tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code}>
              <td><code>{i.code}</code></td>
              <td>{t(`role.${i.role}`)}</td>
              <td>{dateTimeLabel(i.expiresAt, lang)}</td>
              <td>
                {i.usedBy ? (members[i.usedBy]?.displayName ?? i.usedBy) : <span class="muted">{t(i.revokedAt ? "admin.revoked" : "admin.unused")}</span>}
              </td>
              <td>{i.note}</td>
              <td>
                {!i.usedBy && !i.revokedAt && (
                  <button type="button" onClick={() => void revoke(i.code)} aria-label={`${t("admin.revoke")}: ${i.code}`}>{t("admin.revoke")}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
