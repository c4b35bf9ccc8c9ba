// Small pure functions that build inline SVG charts (no library, nothing from the network). Text goes in as text nodes.
const SVG = 'http://www.w3.org/2000/svg';

export const COLOURS = { contained: '#1d6b34', handedOff: '#b3400a', other: '#8a9099', line: '#0a58a8' };

function node(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function svg(width, height, label) {
  return node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'none', class: 'svg-chart' });
}

/** A short label of a period (2026-11-03 -> 11-03). */
export function periodLabel(period) {
  return period.slice(5);
}

/**
 * Stacked bars, one per period: `stacks` = [{period, parts: [{value, colour, name}]}]. Labels every few bars so they
 * never overlap, the largest total on the axis.
 */
export function stackedBars(stacks, { width = 720, height = 220, label }) {
  const chart = svg(width, height, label);
  const top = 12;
  const bottom = 24;
  const left = 40;
  const max = Math.max(1, ...stacks.map((stack) => stack.parts.reduce((sum, part) => sum + part.value, 0)));
  const slot = (width - left) / Math.max(1, stacks.length);
  const scale = (height - top - bottom) / max;
  chart.append(node('text', { x: 0, y: top + 4, class: 'axis' }, String(max)), node('text', { x: 0, y: height - bottom, class: 'axis' }, '0'));
  const every = Math.ceil(stacks.length / 10);
  stacks.forEach((stack, index) => {
    let y = height - bottom;
    for (const part of stack.parts) {
      const h = part.value * scale;
      y -= h;
      const bar = node('rect', { x: left + index * slot + slot * 0.1, y, width: slot * 0.8, height: Math.max(0, h), fill: part.colour });
      bar.append(node('title', {}, `${stack.period} ${part.name}: ${part.value}`));
      chart.append(bar);
    }
    if (index % every === 0) chart.append(node('text', { x: left + index * slot + slot / 2, y: height - 6, class: 'axis', 'text-anchor': 'middle' }, periodLabel(stack.period)));
  });
  return chart;
}

/** Lines of rates (0 to 1) over periods: `lines` = [{name, colour, points: [{period, value}]}]. */
export function rateLines(periods, lines, { width = 720, height = 220, label }) {
  const chart = svg(width, height, label);
  const top = 12;
  const bottom = 24;
  const left = 40;
  const step = (width - left - 10) / Math.max(1, periods.length - 1);
  const x = (index) => left + index * step;
  const y = (value) => top + (1 - value) * (height - top - bottom);
  for (const tick of [0, 0.5, 1]) {
    chart.append(node('line', { x1: left, x2: width, y1: y(tick), y2: y(tick), class: 'grid' }), node('text', { x: 0, y: y(tick) + 4, class: 'axis' }, `${tick * 100}%`));
  }
  const every = Math.ceil(periods.length / 10);
  periods.forEach((period, index) => {
    if (index % every === 0) chart.append(node('text', { x: x(index), y: height - 6, class: 'axis', 'text-anchor': 'middle' }, periodLabel(period)));
  });
  for (const line of lines) {
    const byPeriod = new Map(line.points.map((point) => [point.period, point.value]));
    const coordinates = periods.map((period, index) => (byPeriod.has(period) ? `${x(index)},${y(byPeriod.get(period))}` : null)).filter(Boolean);
    const path = node('polyline', { points: coordinates.join(' '), fill: 'none', stroke: line.colour, 'stroke-width': 2.5 });
    path.append(node('title', {}, line.name));
    chart.append(path);
  }
  return chart;
}

/** A horizontal bar of one share (0 to 1) with its percentage, for tables. */
export function shareBar(value, colour, label) {
  const chart = node('svg', { viewBox: '0 0 100 12', width: 80, height: 12, role: 'img', 'aria-label': `${label}: ${Math.round(value * 100)}%`, class: 'share' });
  chart.append(node('rect', { x: 0, y: 0, width: 100, height: 12, fill: '#e3e5e8' }), node('rect', { x: 0, y: 0, width: Math.round(value * 100), height: 12, fill: colour }));
  return chart;
}

/** A tiny line of one intent's containment over the periods. */
export function sparkline(values, { width = 90, height = 22, label }) {
  const chart = node('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'spark' });
  const step = width / Math.max(1, values.length - 1);
  const points = values.map((value, index) => (value === null ? null : `${index * step},${2 + (1 - value) * (height - 4)}`)).filter(Boolean);
  chart.append(node('polyline', { points: points.join(' '), fill: 'none', stroke: COLOURS.line, 'stroke-width': 1.5 }));
  return chart;
}
