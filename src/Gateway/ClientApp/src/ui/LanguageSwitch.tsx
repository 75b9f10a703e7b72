import { useApp, useChat, useT } from "./context";

/** Switches between Japanese and English; the choice is remembered. */
export function LanguageSwitch() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  return (
    <button type="button" class="link-button" lang={lang === "ja" ? "en" : "ja"} data-testid="language-switch" onClick={() => chat.setLang(lang === "ja" ? "en" : "ja")}>
      {t("nav.language")}
    </button>
  );
}
