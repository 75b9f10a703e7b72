import { en } from "./en";
import { ja, type MessageKey } from "./ja";

export type Lang = "ja" | "en";

const tables: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** The language from a saved choice, else the first of the browser's languages we speak, else Japanese. */
export function chooseLang(saved: string | null, browser: readonly string[]): Lang {
  if (saved === "ja" || saved === "en") return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "ja" || base === "en") return base;
  }
  return "ja";
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = tables[lang][key] ?? ja[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/** Names as a list in the reader's language: 佐藤 太郎、山田 花子 / Taro Sato and Hanako Yamada. */
export function listLabel(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang === "ja" ? "ja-JP" : "en-GB", { style: "long", type: "conjunction" }).format(names);
}

/** A refusal in words for the member; the code stays in the console for support. */
export function errorText(lang: Lang, code: string): string {
  const key = `error.${code}` as MessageKey;
  return key in ja ? translate(lang, key) : translate(lang, "error.generic");
}

export type { MessageKey };
