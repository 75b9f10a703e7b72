import { useState } from "preact/hooks";
import type { MemberSurvey, SurveyAnswer } from "../api/types";
import { useT } from "./context";

/** One survey's questions to answer; a named survey shows my answers back, an anonymous one is answered once. */
export function SurveyForm({ survey, onSubmit }: { survey: MemberSurvey; onSubmit(answers: SurveyAnswer[]): void }) {
  const t = useT();
  const [answers, setAnswers] = useState<SurveyAnswer[]>(
    survey.questions.map((q, i) => survey.myAnswers?.[i] ?? (q.kind === "text" ? { text: "" } : { choices: [] })));
  const locked = survey.status !== "open" || (survey.anonymous && survey.answered);
  const set = (i: number, a: SurveyAnswer) => setAnswers(answers.map((x, j) => (j === i ? a : x)));

  return (
    <form class="survey-form stack" onSubmit={(e) => { e.preventDefault(); onSubmit(answers); }}>
      {survey.description && <p class="survey-description">{survey.description}</p>}
      {survey.anonymous && <p class="hint">{t("surveys.anonymousHint")}</p>}
      {survey.questions.map((q, i) => (
        <fieldset key={i} class="survey-question" disabled={locked}>
          <legend>{i + 1}. {q.text}</legend>
          {q.kind === "text" ? (
            <textarea aria-label={q.text} rows={3} maxLength={2000} value={answers[i].text ?? ""}
              onInput={(e) => set(i, { text: (e.currentTarget as HTMLTextAreaElement).value })} />
          ) : (
            q.options.map((o, j) => {
              const chosen = answers[i].choices ?? [];
              return (
                <label key={j} class="check">
                  <input type={q.kind === "multiple" ? "checkbox" : "radio"} name={`q-${survey.id}-${i}`} checked={chosen.includes(j)}
                    onChange={() => set(i, { choices: q.kind === "multiple" ? (chosen.includes(j) ? chosen.filter((c) => c !== j) : [...chosen, j].sort()) : [j] })} />
                  {o}
                </label>
              );
            })
          )}
        </fieldset>
      ))}
      {locked ? (
        <p class="muted">{survey.status !== "open" ? t("surveys.closed") : t("surveys.answered")}</p>
      ) : (
        <button type="submit" class="primary">{survey.answered ? t("surveys.update") : t("surveys.submit")}</button>
      )}
    </form>
  );
}
