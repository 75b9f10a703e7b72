/** Horizontal bars as SVG, each with its number written out (the chart is never the only way to read it). */
export function BarChart({ bars, max, label }: { bars: [string, number][]; max?: number; label: string }) {
  const top = Math.max(1, max ?? 0, ...bars.map(([, v]) => v));
  const row = 28;
  return (
    <svg class="chart" viewBox={`0 0 400 ${Math.max(1, bars.length) * row}`} role="img" aria-label={`${label}: ${bars.map(([k, v]) => `${k} ${v}`).join(", ")}`}>
      {bars.map(([name, value], i) => (
        <g key={name} transform={`translate(0 ${i * row})`}>
          <text x="0" y="18" class="chart-label">{name.length > 14 ? `${name.slice(0, 13)}…` : name}</text>
          <rect x="130" y="5" height="18" width={Math.max(2, (value / top) * 220)} class="chart-bar" rx="3" />
          <text x={136 + Math.max(2, (value / top) * 220)} y="18" class="chart-value">{value}</text>
        </g>
      ))}
    </svg>
  );
}

/** A two-part ring with a legend. */
export function Donut({ parts, label }: { parts: [string, number][]; label: string }) {
  const total = Math.max(1, parts.reduce((a, [, v]) => a + v, 0));
  const circumference = 2 * Math.PI * 40;
  let offset = 0;
  return (
    <div class="donut">
      <svg viewBox="0 0 100 100" role="img" aria-label={`${label}: ${parts.map(([k, v]) => `${k} ${v}`).join(", ")}`}>
        {parts.map(([name, value], i) => {
          const length = (value / total) * circumference;
          const circle = <circle key={name} cx="50" cy="50" r="40" class={`donut-part part-${i}`} stroke-dasharray={`${length} ${circumference - length}`} stroke-dashoffset={-offset} />;
          offset += length;
          return circle;
        })}
      </svg>
      <ul class="legend">
        {parts.map(([name, value], i) => <li key={name}><span class={`swatch part-${i}`} aria-hidden="true" />{name}: {value}</li>)}
      </ul>
    </div>
  );
}

/** Room a month's label needs under the chart, in the chart's own units: closer labels are left out. */
const MONTH_LABEL_ROOM = 44;

/** The days (indexes) that carry a month's label: first days of a month, each at least a label's room from the last. */
export function monthLabels(days: { day: string }[], column: number): Set<number> {
  const labelled = new Set<number>();
  let last = -Infinity;
  days.forEach((d, i) => {
    if (!d.day.endsWith("-01") || i * column - last < MONTH_LABEL_ROOM) return;
    labelled.add(i);
    last = i * column;
  });
  return labelled;
}

/** A column per day (oldest on the left), with the first day of each month marked under it where there is room. */
export function DailyChart({ days, label, lang }: { days: { day: string; value: number }[]; label: string; lang: string }) {
  const top = Math.max(1, ...days.map((d) => d.value));
  const width = 720;
  const height = 160;
  const column = width / Math.max(1, days.length);
  const month = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { month: "short", timeZone: "UTC" });
  const labelled = monthLabels(days, column);
  return (
    <svg class="chart daily" viewBox={`0 0 ${width} ${height + 22}`} role="img" aria-label={label}>
      <line x1="0" y1={height} x2={width} y2={height} class="chart-axis" />
      <text x="2" y="12" class="chart-value">{top}</text>
      {days.map((d, i) => {
        const h = (d.value / top) * (height - 18);
        const first = labelled.has(i);
        return (
          <g key={d.day}>
            <rect x={i * column + 0.5} y={height - h} width={Math.max(1, column - 1)} height={h} class="chart-bar">
              <title>{`${d.day}: ${d.value}`}</title>
            </rect>
            {first && <text x={i * column} y={height + 16} class="chart-label">{month.format(new Date(`${d.day}T00:00:00Z`))}</text>}
          </g>
        );
      })}
    </svg>
  );
}
