import { useEffect, useState } from "preact/hooks";
import type { AdminSurvey } from "../../api/types";
import { useChat, useT } from "../context";
import { share } from "../../state/polls";
import { SurveyBuilder } from "./SurveyBuilder";

/** The secretariat's surveys: write one, open and close it, watch the response rate, download the answers as CSV. */
export function SurveysAdmin() {
  const chat = useChat();
  const t = useT();
  const [items, setItems] = useState<AdminSurvey[]>([]);

  async function load() {
    try {
      setItems((await chat.http.get<{ items: AdminSurvey[] }>("/api/admin/surveys")).items);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => void load(), []);

  async function act(survey: AdminSurvey, action: "open" | "close") {
    try {
      await chat.http.post(`/api/admin/surveys/${encodeURIComponent(survey.id)}/${action}`);
      await load();
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function download(survey: AdminSurvey) {
    try {
      const blob = await chat.http.blob(`/api/admin/surveys/${encodeURIComponent(survey.id)}/answers.csv`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `survey-${survey.id}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <div class="stack">
      <SurveyBuilder onCreated={() => void load()} />
      <button type="button" onClick={() => void load()}>{t("surveys.refresh")}</button>
      <table class="survey-table">
        <thead>
          <tr><th>{t("surveys.titleLabel")}</th><th>{t("surveys.status")}</th><th>{t("surveys.rate")}</th><th /></tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-survey={s.id}>
              <td>{s.title}{s.anonymous && <span class="tag">{t("surveys.anonymous")}</span>}{s.tags.map((tag) => <span class="tag" key={tag}>{tag}</span>)}</td>
              <td>{t(`surveys.status.${s.status}`)}</td>
              <td data-testid="survey-rate">{t("surveys.rateValue", { answered: s.answered, targeted: s.targeted, percent: share(s.answered, s.targeted) })}</td>
              <td>
                {s.status === "draft" && <button type="button" class="primary" onClick={() => void act(s, "open")}>{t("surveys.open")}</button>}
                {s.status === "open" && <button type="button" onClick={() => void act(s, "close")}>{t("surveys.close")}</button>}
                {s.status !== "draft" && <button type="button" onClick={() => void download(s)}>{t("admin.downloadCsv")}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
