import { useEffect, useState } from "preact/hooks";
import type { Member, OpenTo } from "../api/types";
import { navigate } from "../chat/router";
import { Avatar } from "./Avatar";
import { useApp, useChat, useT, useWatchPresence } from "./context";
import { OpenToChips, OpenToList } from "./OpenToChips";

/** The member directory: search by name, company, department or tag (Japanese included), paged. */
export function Directory() {
  const chat = useChat();
  const t = useT();
  const [q, setQ] = useState("");
  const [openTo, setOpenTo] = useState<OpenTo[]>([]);
  const [items, setItems] = useState<Member[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [searched, setSearched] = useState(false);
  const known = useApp((s) => s.members);
  useWatchPresence(items.map((m) => m.id));

  async function search(query: string, cursor?: string) {
    try {
      const page = await chat.http.get<{ items: Member[]; nextCursor: string | null }>("/api/members", { q: query, cursor, limit: 30, openTo: openTo.join(",") });
      chat.history.rememberMembers(page.items);
      setItems(cursor ? [...items, ...page.items] : page.items);
      setNext(page.nextCursor);
      setSearched(true);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => {
    const timer = window.setTimeout(() => void search(q), 250);
    return () => window.clearTimeout(timer);
  }, [q, openTo.join(",")]);

  return (
    <section class="directory">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("directory.title")}</h2>
      </header>
      <form role="search" onSubmit={(e) => { e.preventDefault(); void search(q); }}>
        <label class="visually-hidden" for="directory-q">{t("directory.search")}</label>
        <input id="directory-q" type="search" value={q} placeholder={t("directory.search")} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      </form>
      <OpenToChips label={t("openTo.filter")} selected={openTo} onChange={setOpenTo} />
      {searched && items.length === 0 && <p class="empty">{t("directory.none")}</p>}
      <ul class="member-cards">
        {items.map((m) => (
          <li key={m.id}>
            <a href={`/directory/${m.id}`} onClick={(e) => { e.preventDefault(); navigate(`/directory/${m.id}`); }} data-handle={m.handle}>
              <Avatar member={known[m.id] ?? m} presence />
              <span class="member-text">
                <span class="name">{m.displayName} <span class="handle">@{m.handle}</span></span>
                <span class="muted">{[m.headline, m.currentCompany].filter(Boolean).join(" · ")}</span>
                {m.status && <span class="status">{m.status}</span>}
                {(m.openTo?.length ?? 0) > 0 && <span class="open-to-line"><OpenToList openTo={m.openTo!} /></span>}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {next && <button type="button" onClick={() => void search(q, next)}>{t("directory.more")}</button>}
    </section>
  );
}
