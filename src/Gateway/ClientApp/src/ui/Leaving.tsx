import { useState } from "preact/hooks";
import { ApiError } from "../api/errors";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";

/** Taking one's data along (a JSON download) and deleting one's account, after saying plainly what happens. */
export function Leaving() {
  const chat = useChat();
  const t = useT();
  const me = useApp((s) => s.me);
  const [confirming, setConfirming] = useState(false);
  if (!me) return null;

  async function download() {
    try {
      const data = await chat.http.get<unknown>("/api/me/export");
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `community-${me!.handle}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function remove(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const messages = form.get("messages") === "erase" ? "erase" : "keep";
      await chat.http.send("DELETE", "/api/me", { password: String(form.get("password")), messages });
      await chat.signOut(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === "forbidden") chat.toast(t("password.wrong"), "error");
      else chat.toastError(error);
    }
  }

  return (
    <section class="stack leaving" aria-labelledby="leaving-title">
      <h3 id="leaving-title">{t("leaving.title")}</h3>
      <p class="muted">{t("leaving.exportHint")}</p>
      <button type="button" onClick={() => void download()}>{t("leaving.export")}</button>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>{t("leaving.delete")}</button>
      ) : (
        <form onSubmit={remove} class="stack" aria-labelledby="leaving-confirm">
          <p id="leaving-confirm">{t("leaving.what")}</p>
          <fieldset>
            <legend>{t("leaving.messages")}</legend>
            <label><input type="radio" name="messages" value="keep" defaultChecked /> {t("leaving.keep")}</label>
            <label><input type="radio" name="messages" value="erase" /> {t("leaving.erase")}</label>
          </fieldset>
          <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
          <div class="row">
            <button type="button" onClick={() => setConfirming(false)}>{t("leaving.cancel")}</button>
            <button type="submit" class="danger">{t("leaving.confirm")}</button>
          </div>
        </form>
      )}
    </section>
  );
}
