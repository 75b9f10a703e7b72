import { useState } from "preact/hooks";
import type { SurveyQuestion, SurveyQuestionKind } from "../../api/types";
import { useChat, useT } from "../context";
import { Field } from "../Field";

const kinds: SurveyQuestionKind[] = ["single", "multiple", "text"];
const blank = (): SurveyQuestion => ({ kind: "single", text: "", options: ["", ""] });
const list = (value: string) => value.split(/[,、，]/u).map((s) => s.trim()).filter(Boolean);

/** Writes a survey: a title, questions of single or multiple choice or free text, the tags it is for, named or anonymous. */
export function SurveyBuilder({ onCreated }: { onCreated(): void }) {
  const chat = useChat();
  const t = useT();
  const [questions, setQuestions] = useState<SurveyQuestion[]>([blank()]);
  const [formKey, setFormKey] = useState(0);
  const set = (i: number, q: SurveyQuestion) => setQuestions(questions.map((x, j) => (j === i ? q : x)));

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      await chat.http.post("/api/admin/surveys", {
        title: String(form.get("title") ?? "").trim(),
        description: String(form.get("description") ?? ""),
        tags: list(String(form.get("tags") ?? "")),
        anonymous: form.get("anonymous") === "on",
        questions: questions.map((q) => ({ ...q, options: q.kind === "text" ? [] : q.options.map((o) => o.trim()).filter(Boolean) })),
      });
      chat.toast(t("surveys.created"));
      setQuestions([blank()]);
      setFormKey(formKey + 1);
      onCreated();
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <form class="survey-builder stack" onSubmit={submit} key={formKey} aria-label={t("surveys.new")}>
      <h3>{t("surveys.new")}</h3>
      <Field label={t("surveys.titleLabel")} name="title" required maxLength={120} />
      <Field label={t("surveys.description")} name="description" multiline rows={2} maxLength={2000} />
      <Field label={t("surveys.tags")} hint={t("surveys.tagsHint")} name="tags" />
      <label class="check"><input type="checkbox" name="anonymous" /> {t("surveys.anonymousToggle")}</label>
      {questions.map((q, i) => (
        <fieldset key={i} class="survey-question">
          <legend>{t("surveys.question", { n: i + 1 })}</legend>
          <Field label={t("surveys.questionText")} value={q.text} required maxLength={300}
            onInput={(e) => set(i, { ...q, text: (e.currentTarget as HTMLInputElement).value })} />
          <label class="field">
            <span>{t("surveys.kind")}</span>
            <select value={q.kind} onChange={(e) => set(i, { ...q, kind: (e.currentTarget as HTMLSelectElement).value as SurveyQuestionKind })}>
              {kinds.map((k) => <option key={k} value={k}>{t(`surveys.kind.${k}`)}</option>)}
            </select>
          </label>
          {q.kind !== "text" && q.options.map((o, j) => (
            <Field key={j} label={t("poll.option", { n: j + 1 })} value={o} maxLength={100} required={j < 2}
              onInput={(e) => set(i, { ...q, options: q.options.map((x, k) => (k === j ? (e.currentTarget as HTMLInputElement).value : x)) })} />
          ))}
          {q.kind !== "text" && <button type="button" class="link-button" onClick={() => set(i, { ...q, options: [...q.options, ""] })}>{t("poll.addOption")}</button>}
          {questions.length > 1 && <button type="button" class="link-button" onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>{t("surveys.removeQuestion")}</button>}
        </fieldset>
      ))}
      <button type="button" onClick={() => setQuestions([...questions, blank()])}>{t("surveys.addQuestion")}</button>
      <button type="submit" class="primary">{t("surveys.create")}</button>
    </form>
  );
}
