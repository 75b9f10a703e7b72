import { useState } from "preact/hooks";
import type { Member, OpenTo } from "../api/types";
import { navigate } from "../chat/router";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";
import { Leaving } from "./Leaving";
import { OpenToChips } from "./OpenToChips";
import { PasswordChange } from "./PasswordChange";
import { MailSettings } from "./MailSettings";
import { PrivacySettings } from "./PrivacySettings";
import { Sessions } from "./Sessions";

const list = (value: FormDataEntryValue | null) => String(value ?? "").split(/[,、，]/u).map((s) => s.trim()).filter(Boolean);

/** The member's own profile and status ("what I'm doing now"), their password and signed-in devices. */
export function ProfileEdit() {
  const chat = useChat();
  const t = useT();
  const me = useApp((s) => s.me);
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const [openTo, setOpenTo] = useState<OpenTo[] | null>(null);
  if (!me) return null;

  async function save(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const updated = await chat.http.patch<Member>("/api/me/profile", {
        displayName: String(form.get("displayName")).trim(),
        status: String(form.get("status") ?? ""),
        headline: String(form.get("headline") ?? ""),
        currentCompany: String(form.get("currentCompany") ?? ""),
        formerDepartments: list(form.get("formerDepartments")),
        tags: list(form.get("tags")),
        bio: String(form.get("bio") ?? ""),
        openTo: form.getAll("openTo").map(String),
      });
      chat.store.update((s) => ({ me: updated, members: { ...s.members, [updated.id]: updated } }));
      chat.toast(t("profile.saved"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="profile-edit">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("profile.title")}</h2>
      </header>
      <form onSubmit={save} class="stack" key={me.id}>
        <Field label={t("auth.displayName")} name="displayName" defaultValue={me.displayName} required maxLength={64} />
        <Field label={t("profile.status")} name="status" defaultValue={me.status} maxLength={140} />
        <Field label={t("profile.headline")} name="headline" defaultValue={me.headline ?? ""} maxLength={140} />
        <Field label={t("profile.company")} name="currentCompany" defaultValue={me.currentCompany ?? ""} maxLength={120} />
        <Field label={t("profile.departments")} name="formerDepartments" defaultValue={me.formerDepartments.join(", ")} />
        <Field label={t("profile.tags")} name="tags" defaultValue={me.tags.join(", ")} />
        <Field label={t("profile.bio")} name="bio" defaultValue={me.bio} multiline rows={5} maxLength={2000} />
        <OpenToChips label={t("openTo.label")} name="openTo" selected={openTo ?? me.openTo ?? []} onChange={setOpenTo} />
        <small class="hint">{t("openTo.hint")}</small>
        <button type="submit" class="primary">{t("profile.save")}</button>
      </form>
      <div class="account stack">
        <PrivacySettings />
        <MailSettings />
        <PasswordChange onChanged={() => setSessionsVersion((v) => v + 1)} />
        <Sessions key={sessionsVersion} />
        <Leaving />
      </div>
    </section>
  );
}
