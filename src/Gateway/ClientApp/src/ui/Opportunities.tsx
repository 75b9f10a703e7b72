import { useEffect, useState } from "preact/hooks";
import type { Opportunity, OpportunityKind } from "../api/types";
import { navigate } from "../chat/router";
import { dayLabel } from "../i18n/dates";
import { whereLine } from "../state/opportunities";
import { useApp, useChat, useT } from "./context";
import { Field } from "./Field";

const kinds: OpportunityKind[] = ["job", "project", "side-work"];

/** Jobs (comeback hiring), projects and side work: browse and filter; the secretariat posts new ones. */
export function Opportunities() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const membersPost = useApp((s) => s.config.membersPostOpportunities);
  const [kind, setKind] = useState<OpportunityKind | "">("");
  const [remote, setRemote] = useState(false);
  const [status, setStatus] = useState<"open" | "closed">("open");
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Opportunity[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);

  async function load(cursor?: string) {
    try {
      const page = await chat.http.get<{ items: Opportunity[]; nextCursor: string | null }>("/api/opportunities",
        { kind: kind || undefined, remote: remote || undefined, status, q: q || undefined, cursor, limit: 20 });
      setItems(cursor ? [...items, ...page.items] : page.items);
      setNext(page.nextCursor);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => {
    const timer = window.setTimeout(() => void load(), 250);
    return () => window.clearTimeout(timer);
  }, [kind, remote, status, q]);

  async function post(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const closes = String(form.get("closesAt") ?? "");
    try {
      const posted = await chat.http.post<Opportunity>("/api/opportunities", {
        kind: String(form.get("kind")),
        title: String(form.get("title")),
        location: String(form.get("location") ?? ""),
        remote: form.get("remote") === "on",
        description: String(form.get("description")),
        contact: String(form.get("contact") ?? ""),
        closesAt: closes ? new Date(`${closes}T23:59:59`).toISOString() : undefined,
      });
      setPosting(false);
      chat.toast(t("opportunities.posted"));
      navigate(`/opportunities/${posted.id}`);
      void load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="opportunities">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("opportunities.title")}</h2>
        {(me?.role === "secretariat" || membersPost) && !posting && <button type="button" class="primary" onClick={() => setPosting(true)}>{t("opportunities.new")}</button>}
      </header>
      {posting && (
        <form class="stack opportunity-form" onSubmit={post} aria-label={t("opportunities.new")}>
          <fieldset>
            <legend>{t("opportunities.kind")}</legend>
            {kinds.map((k, i) => (
              <label key={k}><input type="radio" name="kind" value={k} defaultChecked={i === 0} /> {t(`opportunities.kind.${k}`)}</label>
            ))}
          </fieldset>
          <Field label={t("opportunities.titleField")} name="title" required maxLength={120} />
          <Field label={t("opportunities.location")} name="location" maxLength={200} />
          <label class="check"><input type="checkbox" name="remote" /> {t("opportunities.remote")}</label>
          <label>
            {t("opportunities.description")}
            <textarea name="description" required rows={5} maxLength={4000} />
          </label>
          <Field label={t("opportunities.contact")} name="contact" maxLength={300} />
          <Field label={t("opportunities.closesAt")} name="closesAt" type="date" />
          <div class="row">
            <button type="button" onClick={() => setPosting(false)}>{t("opportunities.cancel")}</button>
            <button type="submit" class="primary">{t("opportunities.post")}</button>
          </div>
        </form>
      )}
      <form role="search" class="row opportunity-filters" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <label class="visually-hidden" for="opportunities-q">{t("opportunities.search")}</label>
        <input id="opportunities-q" type="search" value={q} placeholder={t("opportunities.search")} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <label>
          <span class="visually-hidden">{t("opportunities.kind")}</span>
          <select value={kind} aria-label={t("opportunities.kind")} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as OpportunityKind | "")}>
            <option value="">{t("opportunities.kind.all")}</option>
            {kinds.map((k) => <option key={k} value={k}>{t(`opportunities.kind.${k}`)}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={remote} onChange={(e) => setRemote((e.currentTarget as HTMLInputElement).checked)} /> {t("opportunities.remoteOnly")}</label>
        <label><input type="checkbox" checked={status === "closed"} onChange={(e) => setStatus((e.currentTarget as HTMLInputElement).checked ? "closed" : "open")} /> {t("opportunities.archive")}</label>
      </form>
      {items.length === 0 && <p class="empty">{t(status === "open" ? "opportunities.none" : "opportunities.noneClosed")}</p>}
      <ul class="opportunity-cards">
        {items.map((o) => (
          <li key={o.id} class={`opportunity-card ${o.status}`}>
            <a href={`/opportunities/${o.id}`} onClick={(e) => { e.preventDefault(); navigate(`/opportunities/${o.id}`); }}>
              <span class="badge">{t(`opportunities.kind.${o.kind}`)}</span>
              <span class="opportunity-title">{o.title}</span>
              <span class="muted">{whereLine(o, t("opportunities.remoteOk"))}</span>
              <span class="muted">
                {o.status === "closed" ? t("opportunities.closed") : o.closesAt ? t("opportunities.closes", { date: dayLabel(o.closesAt, lang) }) : ""}
                {o.myInterest && ` · ${t("opportunities.youAreInterested")}`}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {next && <button type="button" onClick={() => void load(next)}>{t("opportunities.more")}</button>}
    </section>
  );
}
