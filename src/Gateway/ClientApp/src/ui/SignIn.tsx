import { useState } from "preact/hooks";
import { ApiError } from "../api/errors";
import { navigate, router } from "../chat/router";
import { errorText } from "../i18n/i18n";
import { useSelect } from "../state/store";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";
import { LanguageSwitch } from "./LanguageSwitch";

/** Sign in, or sign up with an invitation code (the code may come in the link: /signup?code=…). */
export function SignIn() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const networkName = useApp((s) => s.config.networkName);
  const route = useSelect(router, (r) => r);
  const signingUp = route.path.startsWith("/signup");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    setBusy(true);
    setError("");
    try {
      if (signingUp) await chat.signUp(value("inviteCode"), value("handle"), value("displayName"), String(form.get("password") ?? ""));
      else await chat.signIn(value("handle"), String(form.get("password") ?? ""));
      navigate("/", true);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : "generic";
      if (!signingUp && code === "unauthorized") setError(t("auth.failed"));
      // The right password of a suspended account: say so, and whom to ask.
      else if (!signingUp && code === "forbidden") setError(t("auth.suspended"));
      else setError(`${errorText(lang, code)}${err instanceof ApiError && code === "invalid" ? ` (${err.message})` : ""}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="auth" id="main">
      <div class="auth-card">
        <div class="auth-head">
          <h1>{networkName}</h1>
          <LanguageSwitch />
        </div>
        <p class="lead">{t("auth.welcome")}</p>
        <form onSubmit={submit} aria-label={signingUp ? t("auth.signUp") : t("auth.signIn")}>
          <h2>{signingUp ? t("auth.signUp") : t("auth.signIn")}</h2>
          {signingUp && <Field label={t("auth.inviteCode")} name="inviteCode" required autoComplete="off" defaultValue={route.params.get("code") ?? undefined} />}
          <Field label={t("auth.handle")} name="handle" required autoComplete="username" autoCapitalize="none" hint={signingUp ? t("auth.handleHint") : undefined} />
          {signingUp && <Field label={t("auth.displayName")} name="displayName" required maxLength={64} autoComplete="name" />}
          <Field label={t("auth.password")} name="password" type="password" required minLength={signingUp ? 10 : undefined}
            autoComplete={signingUp ? "new-password" : "current-password"} hint={signingUp ? t("auth.passwordHint") : undefined} />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {signingUp ? t("auth.signUp") : t("auth.signIn")}
          </button>
        </form>
        <p>
          <a href={signingUp ? "/signin" : "/signup"} onClick={(e) => { e.preventDefault(); setError(""); navigate(signingUp ? "/signin" : "/signup"); }}>
            {signingUp ? t("auth.haveAccount") : t("auth.noAccount")}
          </a>
        </p>
      </div>
    </main>
  );
}
