import { ApiError } from "../api/errors";
import { useChat, useT } from "./context";
import { Field } from "./Field";

/** Changing one's password: the current one first; the other devices are signed out, this one stays. */
export function PasswordChange({ onChanged }: { onChanged: () => void }) {
  const chat = useChat();
  const t = useT();

  async function change(e: Event) {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    try {
      await chat.http.post("/api/me/password", { currentPassword: String(form.get("currentPassword")), newPassword: String(form.get("newPassword")) });
      formElement.reset();
      chat.toast(t("password.changed"));
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === "forbidden") chat.toast(t("password.wrong"), "error");
      else chat.toastError(error);
    }
  }

  return (
    <form onSubmit={change} class="stack" aria-labelledby="password-title">
      <h3 id="password-title">{t("password.title")}</h3>
      <Field label={t("password.current")} name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label={t("password.new")} name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint={t("auth.passwordHint")} />
      <button type="submit">{t("password.change")}</button>
    </form>
  );
}
