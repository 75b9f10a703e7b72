import { useEffect, useState } from "preact/hooks";
import type { NetworkStats } from "../../api/types";
import { useChat, useT } from "../context";

interface DailyActivity {
  day: string;
  active: number;
  messages: number;
}
import { BarChart, DailyChart, Donut } from "./Charts";
import { useApp } from "../context";

/** Numbers first, as charts: active members, posters versus readers, messages, the busiest rooms. */
export function Stats() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [stats, setStats] = useState<NetworkStats | null>(null);
  const [daily, setDaily] = useState<DailyActivity[]>([]);
  useEffect(() => {
    chat.http.get<NetworkStats>("/api/admin/stats").then(setStats, (e) => chat.toastError(e));
    chat.http.get<{ items: DailyActivity[] }>("/api/admin/stats/daily", { days: 90 }).then((r) => setDaily(r.items), (e) => chat.toastError(e));
  }, []);
  if (!stats) return <p class="loading">{t("app.loading")}</p>;
  const rate = stats.members > 0 ? Math.round((stats.active.month / stats.members) * 100) : 0;
  return (
    <div class="stats">
      <section class="kpi">
        <h3>{t("admin.statsMembers")}</h3>
        <p class="big">{stats.members}</p>
        <p>{t("admin.monthlyActiveRate", { rate })}</p>
      </section>
      {daily.length > 0 && (
        <section class="wide">
          <h3>{t("admin.statsDaily")}</h3>
          <DailyChart lang={lang} days={daily.map((d) => ({ day: d.day, value: d.active }))}
            label={`${t("admin.statsDaily")}: ${summary(daily, t)}`} />
          <p class="muted">{summary(daily, t)}</p>
        </section>
      )}
      <section>
        <h3>{t("admin.statsActive")}</h3>
        <BarChart label={t("admin.statsActive")} max={Math.max(1, stats.members)}
          bars={[[t("admin.statsDay"), stats.active.day], [t("admin.statsWeek"), stats.active.week], [t("admin.statsMonth"), stats.active.month]]} />
      </section>
      <section>
        <h3>{t("admin.statsPosters")}</h3>
        <Donut label={t("admin.statsPosters")} parts={[[t("admin.posters"), stats.posters.month], [t("admin.readers"), Math.max(0, stats.active.month - stats.posters.month)]]} />
      </section>
      <section>
        <h3>{t("admin.statsMessages")}</h3>
        <BarChart label={t("admin.statsMessages")} bars={[[t("admin.statsDay"), stats.messages.day], [t("admin.statsWeek"), stats.messages.week], [t("admin.statsMonth"), stats.messages.month]]} />
      </section>
      {stats.opportunities && (
        <section>
          <h3>{t("admin.statsOpportunities")}</h3>
          <BarChart label={t("admin.statsOpportunities")} bars={[
            [t("admin.opportunitiesPosted"), stats.opportunities.posted], [t("admin.opportunitiesOpen"), stats.opportunities.open],
            [t("admin.opportunitiesInterested"), stats.opportunities.interested], [t("admin.opportunitiesContacted"), stats.opportunities.contacted],
          ]} />
        </section>
      )}
      {stats.events && (
        <section>
          <h3>{t("admin.statsEvents")}</h3>
          <BarChart label={t("admin.statsEvents")} bars={[
            [t("admin.eventsHeld"), stats.events.held], [t("admin.eventsGoing"), stats.events.going], [t("admin.eventsAttended"), stats.events.attended],
          ]} />
          {stats.events.going > 0 && <p class="muted">{t("admin.attendanceRate", { rate: Math.round((stats.events.attended / stats.events.going) * 100) })}</p>}
        </section>
      )}
      <section>
        <h3>{t("admin.topRooms")}</h3>
        <BarChart label={t("admin.topRooms")} bars={stats.topRooms.map((r) => [r.name, r.messages] as [string, number])} />
      </section>
    </div>
  );
}

function summary(daily: DailyActivity[], t: ReturnType<typeof useT>): string {
  const values = daily.map((d) => d.active);
  const avg = Math.round((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)) * 10) / 10;
  return t("admin.statsDailySummary", { max: Math.max(0, ...values), avg, today: values[values.length - 1] ?? 0 });
}
