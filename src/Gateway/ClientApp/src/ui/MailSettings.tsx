import { useEffect, useState } from "preact/hooks";
import type { MailSettings as Settings } from "../api/types";
import { useApp, useChat, useT } from "./context";

/**
 * The member's e-mail address and which e-mails they want: digests of unread DMs and mentions, and the
 * secretariat's news. Saving also sets the e-mails' language to the app's.
 */
export function MailSettings() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    chat.http.get<Settings>("/api/me/mail").then(setSettings, (e) => chat.toastError(e));
  }, []);

  if (!settings) return null;

  async function save(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const updated = await chat.http.patch<Settings>("/api/me/mail", {
        address: String(form.get("address") ?? "").trim(),
        digests: form.get("digests") === "on",
        broadcastMail: form.get("broadcastMail") === "on",
        language: lang,
      });
      setSettings(updated);
      chat.toast(t("mail.saved"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <form onSubmit={save} class="stack mail-settings" aria-labelledby="mail-title" key={`${settings.address}-${settings.digests}-${settings.broadcastMail}`}>
      <h3 id="mail-title">{t("mail.title")}</h3>
      {!settings.mailOn && <p class="muted">{t("mail.off")}</p>}
      <label for="mail-address">{t("mail.address")}</label>
      <input id="mail-address" name="address" type="email" autocomplete="email" maxLength={254} defaultValue={settings.address ?? ""} aria-describedby="mail-address-hint" />
      <p id="mail-address-hint" class="muted">{t("mail.addressHint")}</p>
      <label class="check-option">
        <input type="checkbox" name="digests" defaultChecked={settings.digests} /> {t("mail.digests")}
      </label>
      <label class="check-option">
        <input type="checkbox" name="broadcastMail" defaultChecked={settings.broadcastMail} /> {t("mail.broadcastMail")}
      </label>
      <button type="submit">{t("mail.save")}</button>
    </form>
  );
}
