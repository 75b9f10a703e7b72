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
