import { useState } from "preact/hooks";
import { navigate } from "../chat/router";
import { useT } from "./context";

/** The search box at the top of the room list: opens message search with what was typed. */
export function SearchBox() {
  const t = useT();
  const [q, setQ] = useState("");
  return (
    <form role="search" class="search-box" onSubmit={(e) => {
      e.preventDefault();
      if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
    }}>
      <label class="visually-hidden" for="message-search-q">{t("search.label")}</label>
      <input id="message-search-q" type="search" value={q} placeholder={t("search.placeholder")} enterKeyHint="search"
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
    </form>
  );
}
