// A Chart.js chart in a canvas with an accessible name, plus the same figures as a table for
// screen readers and keyboard users. Right-to-left locales get mirrored axes and legends.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

import { useI18n } from '../i18n/context';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export const PALETTE = ['#1f5fa8', '#b4570c', '#1d7a46', '#7a3fa0', '#a3213b'];
const TEXT = '#1c2733';
const GRID = '#d5dbe3';

export interface ChartProps {
  type: 'line' | 'bar' | 'doughnut';
  labels: string[];
  series: { label: string; values: number[] }[];
  /** The accessible name of the figure (also its caption). */
  title: string;
  /** Formats a value for tooltips, axis ticks and the table. */
  format: (value: number) => string;
  /** Header of the label column in the table. */
  labelHeader: string;
}

export function ChartView({ type, labels, series, title, format, labelHeader }: ChartProps) {
  const i18n = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const rtl = i18n.dir === 'rtl';
  // Callers pass fresh arrays and closures on each render; rebuild only when the figures change.
  const formatRef = useRef(format);
  formatRef.current = format;
  const dataKey = JSON.stringify([type, labels, series]);

  useEffect(() => {
    if (!canvas.current) return;
    const isDoughnut = type === 'doughnut';
    const config: ChartConfiguration<ChartType> = {
      type,
      data: {
        labels,
        datasets: series.map((s, k) => ({
          label: s.label,
          data: s.values,
          backgroundColor: isDoughnut ? PALETTE : type === 'line' ? `${PALETTE[k]}22` : PALETTE[k],
          borderColor: isDoughnut ? '#ffffff' : PALETTE[k],
          borderWidth: type === 'line' ? 2 : 1,
          fill: type === 'line',
          tension: 0.25,
          pointRadius: type === 'line' ? 2 : 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: i18n.locale,
        color: TEXT,
        font: { family: 'system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif', size: 12 },
        plugins: {
          legend: {
            display: isDoughnut || series.length > 1,
            position: 'bottom',
            rtl,
            textDirection: i18n.dir,
            labels: { color: TEXT },
          },
          tooltip: {
            rtl,
            textDirection: i18n.dir,
            callbacks: {
              label: (item) => `${item.dataset.label ? `${item.dataset.label}: ` : ''}${formatRef.current(Number(item.raw))}`,
            },
          },
        },
        scales: isDoughnut
          ? {}
          : {
              x: {
                reverse: rtl,
                ticks: { color: TEXT, maxRotation: 0, autoSkip: true },
                grid: { color: GRID },
              },
              y: {
                position: rtl ? 'right' : 'left',
                beginAtZero: true,
                ticks: { color: TEXT, callback: (v) => formatRef.current(Number(v)) },
                grid: { color: GRID },
              },
            },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [dataKey, i18n, rtl]);

  return (
    <figure class="chart">
      <figcaption class="visually-hidden">{title}</figcaption>
      <div class="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <details class="chart-data">
        <summary>{i18n.t('chart.showData')}</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                {series.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label} class="num">
                      {format(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
