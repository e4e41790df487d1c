// Moderation stats: verdicts per day as an inline SVG chart, queue depth, time to decision, reversal rate; then
// what the site learns from its moderators: the automatic verdicts' precision and recall estimated from the blind
// sample, and the identity-term monitor with its alerts (GET /api/v1/stats/learning/*).

import { api, errorText, query } from '../lib/api.js';
import { el, pageRender, svg } from '../lib/dom.js';
import { pct } from '../panels/advice.js';

const render = pageRender('stats');

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
      el('div', { class: 'panel' }, el('h2', {}, 'Open queue'), queueChart(s)),
      ...await learningPanels(Math.ceil(Number(days.value) / 7)));
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

/** The weeks that cover the window: blind-sample quality and the identity-term monitor. */
async function learningPanels(weeks) {
  let quality;
  let identity;
  try {
    [quality, identity] = await Promise.all([api('GET', '/api/v1/stats/learning/samples' + query({ weeks })),
      api('GET', '/api/v1/stats/learning/identity-terms' + query({ weeks }))]);
  } catch (e) {
    return [el('p', { class: 'error', role: 'alert' }, errorText(e))];
  }
  return [qualityPanel(quality), identityPanel(identity)];
}

/** An estimate with its 95 % interval and, for a plain proportion, the sample size. */
function interval(i) {
  if (!i || i.estimate === null || i.estimate === undefined) return '– (no sample decisions)';
  return `${pct(i.estimate)} (95 % CI ${pct(i.low)}–${pct(i.high)}${i.trials === undefined ? '' : `, n = ${i.trials}`})`;
}

function qualityPanel(q) {
  return el('section', { class: 'panel', id: 'sample-quality', 'aria-labelledby': 'sample-quality-heading' },
    el('h2', { id: 'sample-quality-heading' }, 'Automatic verdicts checked by the blind sample'),
    el('p', {}, `${q.openItems} sample items wait for a decision. `, el('a', { href: '#/samples' }, 'Decide them.')),
    el('table', { class: 'list', id: 'sample-quality-table' },
      el('caption', {}, 'Per week (from Monday, UTC); publish agreement: sampled published comments moderators '
        + 'approved; reject precision: sampled rejected comments they rejected; reject recall: estimated share of '
        + 'what moderators reject that was rejected automatically'),
      el('tr', {}, ['week', 'published automatically', 'rejected automatically', 'publish agreement',
        'reject precision', 'reject recall'].map(h => el('th', { scope: 'col' }, h))),
      q.weeks.slice().reverse().map(w => el('tr', { 'data-week': w.week }, el('th', { scope: 'row' }, w.week),
        el('td', {}, String(w.autoPublished)), el('td', {}, String(w.autoRejected)),
        el('td', { 'data-metric': 'publishAgreement' }, interval(w.publishAgreement)),
        el('td', { 'data-metric': 'rejectPrecision' }, interval(w.rejectPrecision)),
        el('td', { 'data-metric': 'rejectRecall' }, interval(w.rejectRecall))))));
}

function identityPanel(r) {
  const rows = r.weeks.slice().reverse().flatMap(w => w.terms.map(t => ({ week: w.week, ...t })));
  return el('section', { class: 'panel', id: 'identity-monitor', 'aria-labelledby': 'identity-heading' },
    el('h2', { id: 'identity-heading' }, 'Identity-term monitor'),
    r.alerts.length ? el('ul', { class: 'alerts', id: 'identity-alerts', role: 'alert' }, r.alerts.map(a =>
      el('li', { class: 'error' }, `Week of ${a.week}: moderators overturned ${a.overturned} of ${a.decidedFlagged} `
        + `flags on comments mentioning "${a.term}" (${pct(a.overturnRate)}, limit ${pct(a.limit)}).`)))
      : el('p', { class: 'muted', id: 'identity-alerts-none' }, `No alerts: no term's overturn rate is above `
        + `${pct(r.overturnLimit)} on ${r.minDecisions} or more decided flags.`),
    r.truncated ? el('p', { class: 'muted' }, 'Only the newest comments were read (the service limits how many).') : null,
    rows.length ? el('table', { class: 'list', id: 'identity-table' },
      el('caption', {}, 'Comments mentioning each identity term: flagged means queued or rejected; overturned means '
        + 'flags that moderators approved'),
      el('tr', {}, ['week', 'term', 'mentions', 'flagged', 'flag rate', 'decided flags', 'overturned',
        'overturn rate'].map(h => el('th', { scope: 'col' }, h))),
      rows.map(t => el('tr', { class: t.alert ? 'alert' : '', 'data-term': t.term },
        el('td', {}, t.week), el('th', { scope: 'row' }, t.term), el('td', {}, String(t.mentions)),
        el('td', {}, String(t.flagged)), el('td', {}, pct(t.flagRate)), el('td', {}, String(t.decidedFlagged)),
        el('td', {}, String(t.overturned)), el('td', {}, interval(t.overturnRate)))))
      : el('p', { class: 'muted' }, 'No comment in these weeks mentions an identity term.'));
}

export default {
  path: 'stats',
  label: 'Stats',
  admin: false,
  show: showStats,
};
