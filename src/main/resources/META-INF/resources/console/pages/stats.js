// Moderation stats: verdicts per day as an inline SVG chart, queue depth, time to decision, reversal rate.

import { api, query } from '../lib/api.js';
import { el, render, svg } from '../lib/dom.js';

async function showStats() {
  const days = el('select', {}, [7, 14, 30, 90].map(d => el('option', { value: d, selected: d === 14 }, `${d} days`)));
  const body = el('div');
  const load = async () => {
    const s = await api('GET', '/api/v1/stats' + query({ days: days.value }));
    const stat = (label, value) => el('span', { class: 'stat' }, el('b', {}, value), label);
    body.replaceChildren(
      el('div', { class: 'panel' },
        stat('in the queue', String(s.queueDepth)), stat('claimed', String(s.claimed)),
        stat('escalated', String(s.escalated)),
        stat('median time to decision', s.medianSecondsToDecision == null ? '–' : duration(s.medianSecondsToDecision)),
        stat('decisions', String(s.decisions)),
        stat('reversal rate', s.reversalRate == null ? '–' : `${(s.reversalRate * 100).toFixed(1)}%`)),
      el('div', { class: 'panel' }, el('h2', {}, 'Verdicts per day'), verdictChart(s.verdictsPerDay)),
      el('div', { class: 'panel' }, el('h2', {}, 'Open queue'), queueChart(s)));
  };
  days.addEventListener('change', load);
  render(el('h1', {}, 'Stats'), el('p', {}, 'Window: ', days), body);
  await load();
}

function duration(seconds) {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const VERDICT_COLOURS = { published: '#1a7f46', pending: '#d89b00', rejected: '#c0362c' };

/** Stacked bars, one per day: published, pending, rejected. */
function verdictChart(days) {
  if (!days || !days.length) return el('p', { class: 'muted' }, 'No comments in this window.');
  const w = 640, h = 200, pad = 28, bw = Math.max(4, Math.floor((w - pad) / days.length) - 4);
  const max = Math.max(1, ...days.map(d => d.published + d.pending + d.rejected));
  const chart = svg('svg', { width: w, height: h + 30, viewBox: `0 0 ${w} ${h + 30}`, role: 'img',
    'aria-label': 'Verdicts per day', id: 'verdict-chart' });
  chart.append(svg('text', { x: 0, y: 10 }, String(max)), svg('text', { x: 0, y: h }, '0'));
  days.forEach((d, i) => {
    let y = h;
    const x = pad + i * (bw + 4);
    for (const k of ['published', 'pending', 'rejected']) {
      const bh = (d[k] / max) * (h - 10);
      y -= bh;
      if (bh > 0) chart.append(svg('rect', { x, y, width: bw, height: bh, fill: VERDICT_COLOURS[k] },
        svg('title', {}, `${d.day}: ${d[k]} ${k}`)));
    }
    if (days.length <= 14 || i % Math.ceil(days.length / 14) === 0) {
      chart.append(svg('text', { x, y: h + 14 }, String(d.day).slice(5)));
    }
  });
  return el('div', {}, chart, el('p', { class: 'legend' }, Object.entries(VERDICT_COLOURS).map(([k, c]) =>
    el('span', { style: `background:${c};color:#fff` }, k))));
}

function queueChart(s) {
  const parts = [['unclaimed', s.queueDepth - s.claimed, '#2557d6'], ['claimed', s.claimed, '#7b8bb8']];
  const total = Math.max(1, s.queueDepth);
  const chart = svg('svg', { width: 640, height: 40, viewBox: '0 0 640 40', role: 'img', 'aria-label': 'Queue depth' });
  let x = 0;
  for (const [label, n, colour] of parts) {
    const w = (Math.max(0, n) / total) * 640;
    if (w > 0) chart.append(svg('rect', { x, y: 0, width: w, height: 24, fill: colour }, svg('title', {}, `${n} ${label}`)));
    x += w;
  }
  chart.append(svg('text', { x: 0, y: 37 }, `${s.queueDepth} open, ${s.claimed} claimed, ${s.escalated} escalated`));
  return chart;
}

export default {
  path: 'stats',
  label: 'Stats',
  admin: false,
  show: showStats,
};
