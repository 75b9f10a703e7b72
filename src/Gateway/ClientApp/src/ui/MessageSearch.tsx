import { useEffect, useState } from "preact/hooks";
import type { Room } from "../api/types";
import { navigate, router } from "../chat/router";
import { dateTimeLabel } from "../i18n/dates";
import { hitPath, longEnough, type MessageSearchHit, type MessageSearchPage } from "../search/types";
import { useSelect } from "../state/store";
import { useApp, useChat, useT } from "./context";
import { useRoomTitle } from "./roomTitle";

/** Message search: the query from the address bar (`/search?q=`), the hits newest first with their snippets, more on demand. */
export function MessageSearch() {
  const chat = useChat();
  const t = useT();
  const asked = useSelect(router, (r) => r.params.get("q") ?? "");
  const [q, setQ] = useState(asked);
  const [hits, setHits] = useState<MessageSearchHit[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [searched, setSearched] = useState(false);

  async function search(query: string, before?: number) {
    if (!longEnough(query)) {
      setHits([]);
      setNext(null);
      setSearched(false);
      return;
    }
    try {
      const page = await chat.http.get<MessageSearchPage>("/api/search/messages", { q: query.trim(), before, limit: 30 });
      await chat.history.ensureMembers(page.items.map((h) => h.senderId));
      setHits(before ? [...hits, ...page.items] : page.items);
      setNext(page.nextBefore);
      setSearched(true);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => {
    setQ(asked);
    void search(asked);
  }, [asked]);

  return (
    <section class="message-search" aria-labelledby="message-search-title">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title" id="message-search-title">{t("search.title")}</h2>
      </header>
      <form role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/search?q=${encodeURIComponent(q.trim())}`, true); }}>
        <label class="visually-hidden" for="message-search-page-q">{t("search.label")}</label>
        <input id="message-search-page-q" type="search" value={q} placeholder={t("search.placeholder")} enterKeyHint="search"
          onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      </form>
      {!searched && <p class="empty">{q.trim() && !longEnough(q) ? t("search.tooShort") : t("search.hint")}</p>}
      {searched && hits.length === 0 && <p class="empty">{t("search.none")}</p>}
      <ul class="search-hits">
        {hits.map((hit) => <HitItem key={`${hit.roomId}:${hit.seq}`} hit={hit} />)}
      </ul>
      {next && <button type="button" onClick={() => void search(asked, next)}>{t("search.more")}</button>}
    </section>
  );
}

/** One hit: the room as the member names it, who and when, and the snippet with the matched parts marked. */
function HitItem({ hit }: { hit: MessageSearchHit }) {
  const lang = useApp((s) => s.lang);
  const known = useApp((s) => s.rooms[hit.roomId]);
  const sender = useApp((s) => s.members[hit.senderId]?.displayName ?? "");
  const title = useRoomTitle(known ?? ({ id: hit.roomId, kind: hit.roomKind, name: hit.roomName } as Room));
  return (
    <li class="search-hit">
      <a href={hitPath(hit)} onClick={(e) => { e.preventDefault(); navigate(hitPath(hit)); }}>
        <span class="hit-head">
          <span class="hit-room">{title || hit.roomName}</span>
          <span class="muted">{sender} · <time dateTime={hit.sentAt}>{dateTimeLabel(hit.sentAt, lang)}</time></span>
        </span>
        <span class="snippet">
          {hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
        </span>
      </a>
    </li>
  );
}
