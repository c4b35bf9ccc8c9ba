import { escapeHtml } from '../text/html-escape.js';

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar; the value when not given. */
  caption?: string;
}

const ROW = 22;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 380;

/** A horizontal bar chart as inline SVG: no script, no external file. */
export function svgBars(bars: readonly Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    const width = Math.max(1, Math.round((bar.value / max) * BAR_WIDTH));
    const label = bar.label.length > 38 ? `${bar.label.slice(0, 37)}…` : bar.label;
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${ROW - 6}" rx="2"><title>${escapeHtml(`${bar.label}: ${bar.caption ?? bar.value}`)}</title></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${escapeHtml(bar.caption ?? String(bar.value))}</text>`
    );
  });
  return `<svg class="bars" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 90} ${height}" width="${LABEL_WIDTH + BAR_WIDTH + 90}" height="${height}">${rows.join('')}</svg>`;
}
