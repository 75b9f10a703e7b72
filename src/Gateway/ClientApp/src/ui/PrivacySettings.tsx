import type { FieldAudience, Member } from "../api/types";
import { useApp, useChat, useT } from "./context";

const audiences: FieldAudience[] = ["everyone", "room-mates", "nobody"];

/** Who sees the member's headline and company, and whether the directory lists them. */
export function PrivacySettings() {
  const chat = useChat();
  const t = useT();
  const me = useApp((s) => s.me);
  if (!me) return null;
  const privacy = me.privacy ?? { fieldsVisibleTo: "everyone", listed: true };

  async function save(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const updated = await chat.http.patch<Member>("/api/me/profile", {
        privacy: { fieldsVisibleTo: String(form.get("fieldsVisibleTo")), listed: form.get("listed") === "on" },
      });
      chat.store.update((s) => ({ me: updated, members: { ...s.members, [updated.id]: updated } }));
      chat.toast(t("privacy.saved"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <form onSubmit={save} class="stack privacy-settings" aria-labelledby="privacy-title" key={`${privacy.fieldsVisibleTo}-${privacy.listed}`}>
      <h3 id="privacy-title">{t("privacy.title")}</h3>
      <fieldset>
        <legend>{t("privacy.fieldsVisibleTo")}</legend>
        {audiences.map((a) => (
          <label key={a}>
            <input type="radio" name="fieldsVisibleTo" value={a} defaultChecked={privacy.fieldsVisibleTo === a} /> {t(`privacy.audience.${a}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("privacy.directory")}</legend>
        <label>
          <input type="checkbox" name="listed" defaultChecked={privacy.listed} /> {t("privacy.listed")}
        </label>
      </fieldset>
      <p class="muted">{t("privacy.hint")}</p>
      <button type="submit">{t("privacy.save")}</button>
    </form>
  );
}
