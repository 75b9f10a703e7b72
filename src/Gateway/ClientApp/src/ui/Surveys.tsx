import { useEffect, useState } from "preact/hooks";
import type { MemberSurvey, SurveyAnswer } from "../api/types";
import { navigate } from "../chat/router";
import { useChat, useT } from "./context";
import { SurveyForm } from "./SurveyForm";

/** The surveys the secretariat sent me: open ones to answer, answered and closed ones marked so. */
export function Surveys() {
  const chat = useChat();
  const t = useT();
  const [items, setItems] = useState<MemberSurvey[] | null>(null);
  const [open, setOpen] = useState<MemberSurvey | null>(null);

  async function load() {
    try {
      setItems((await chat.http.get<{ items: MemberSurvey[] }>("/api/surveys")).items);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => void load(), []);

  async function show(id: string) {
    try {
      setOpen(await chat.http.get<MemberSurvey>(`/api/surveys/${encodeURIComponent(id)}`));
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function answer(answers: SurveyAnswer[]) {
    try {
      setOpen(await chat.http.put<MemberSurvey>(`/api/surveys/${encodeURIComponent(open!.id)}/answers`, { answers }));
      chat.toast(t("surveys.thanks"));
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="surveys">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => (open ? setOpen(null) : navigate("/"))}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{open?.title ?? t("surveys.title")}</h2>
      </header>
      {open ? (
        <SurveyForm survey={open} onSubmit={answer} />
      ) : (
        <>
          {items?.length === 0 && <p class="empty">{t("surveys.none")}</p>}
          <ul class="survey-list">
            {items?.map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" data-survey={s.id} onClick={() => void show(s.id)}>{s.title}</button>
                <span class="muted"> · {s.status === "closed" ? t("surveys.closed") : s.answered ? t("surveys.answered") : t("surveys.notAnswered")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
