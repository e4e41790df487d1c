// Threshold advice (GET /api/v1/sites/{id}/policy/advice) for the policy page: per attribute, a chart over
// thresholds of what the last N days' comments would have met (published, queued, rejected, and how many of those
// moderators decided the other way) with the precision and recall implied, the site's current threshold and the
// recommended one marked; the table the chart is drawn from is its text alternative. The one recommended change is
// shown with its evidence and can be put into the policy draft, which then needs a dry run like any other edit.

import { api, errorText, query } from '../lib/api.js';
import { append, el, options, svg } from '../lib/dom.js';

/** Outcome, colour, and the row field counting the moderators who decided the other way (null: both ways). */
const OUTCOMES = [
  ['published', '#1a7f46', 'publishedButRejected'],
  ['queued', '#d89b00', null],
  ['rejected', '#c0362c', 'rejectedButApproved'],
];
const PRECISION = '#2557d6';
const RECALL = '#7a3fc4';

export function fmtThreshold(t) {
  return Number(t).toFixed(Math.min(4, Math.max(2, (String(t).split('.')[1] || '').length)));
}

export function pct(v) {
  return v === null || v === undefined ? '–' : `${Math.round(v * 100)} %`;
}

/** What one row says, in words: the bar's tooltip and the screen reader's reading of it. */
function rowText(r) {
  return `${fmtThreshold(r.threshold)}: ${r.published} published (${r.publishedButRejected} rejected by moderators), `
    + `${r.queued} queued (${r.queuedApproved} approved, ${r.queuedRejected} rejected by moderators), `
    + `${r.rejected} rejected (${r.rejectedButApproved} approved by moderators); `
    + `precision ${pct(r.precision)}, recall ${pct(r.recall)}`;
}

/**
 * The advice panel. {@code onTry(attribute, step, threshold)} is called when the admin puts the recommended
 * threshold into the policy draft.
 */
export function advicePanel(site, { onTry }) {
  const days = el('select', { id: 'advice-days' },
    [7, 30, 90].map(d => el('option', { value: d, selected: d === 30 }, `${d} days`)));
  const attribute = el('select', { id: 'advice-attribute' });
  const step = el('select', { id: 'advice-step' },
    el('option', { value: 'review' }, 'review threshold (reject kept)'),
    el('option', { value: 'reject' }, 'reject threshold (review kept)'));
  const body = el('div', { id: 'advice-body' }, el('p', { class: 'muted' }, 'Loading…'));
  let advice = null;

  const draw = () => {
    const a = advice.attributes.find(x => x.attribute === attribute.value);
    if (!a) {
      body.replaceChildren(el('p', { class: 'muted' }, 'No thresholded attribute to advise on.'));
      return;
    }
    const kind = step.value;
    const rec = advice.recommendation;
    const marked = rec && rec.attribute === a.attribute && rec.step === kind ? rec.to : null;
    body.replaceChildren();
    append(body, [
      el('p', { id: 'advice-summary' }, `${advice.comments} comments in the last ${advice.days} days, `
        + `${advice.labelled} of them decided by moderators; ${a.scored} scored for ${a.attribute}, `
        + `${a.labelled} of those decided. Current thresholds: review at ${fmtThreshold(a.current.review)}, `
        + `reject at ${a.current.reject > 1 ? `${fmtThreshold(a.current.reject)} (never)` : fmtThreshold(a.current.reject)}.`),
      advice.truncated ? el('p', { class: 'muted' }, 'Only the newest comments were read (the service limits how many).') : null,
      recommendationBox(advice, onTry),
      chart(a, kind, a[kind], a.current[kind], marked),
      el('p', { class: 'legend' },
        OUTCOMES.map(([k, c]) => el('span', { style: `background:${c};color:#fff` }, k)),
        el('span', { style: 'background:#17213a;color:#fff' }, 'moderators decided the other way'),
        el('span', { style: `color:${PRECISION};border:1px solid ${PRECISION}` }, '— precision'),
        el('span', { style: `color:${RECALL};border:1px dashed ${RECALL}` }, '- - recall')),
      adviceTable(a, kind, a[kind], a.current[kind], marked)]);
  };

  const load = async () => {
    try {
      advice = await api('GET', `/api/v1/sites/${site}/policy/advice` + query({ days: days.value }));
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(e)));
      return;
    }
    const names = advice.attributes.map(x => x.attribute);
    const rec = advice.recommendation;
    const keep = names.includes(attribute.value) ? attribute.value : (rec ? rec.attribute : names[0]);
    attribute.replaceChildren(...options(names, keep));
    if (rec && keep === rec.attribute) step.value = rec.step;
    draw();
  };
  days.addEventListener('change', load);
  attribute.addEventListener('change', draw);
  step.addEventListener('change', draw);
  const panel = el('section', { class: 'panel', id: 'advice', 'aria-labelledby': 'advice-heading' },
    el('h2', { id: 'advice-heading' }, 'Threshold advice from moderator decisions'),
    el('p', { class: 'muted' }, 'Each attribute alone (the other rules left out): what its threshold would have '
      + 'done to recent comments, and how often moderators decided the other way. Precision and recall treat '
      + '"score at or above the threshold" as predicting that moderators reject.'),
    el('div', { class: 'filters' },
      el('label', {}, 'Window', days), el('label', {}, 'Attribute', attribute), el('label', {}, 'Vary', step)),
    body);
  panel.loaded = load();
  return panel;
}

function recommendationBox(advice, onTry) {
  const rec = advice.recommendation;
  if (!rec) {
    return el('div', { class: 'advice-rec', id: 'advice-recommendation' },
      el('b', {}, 'No recommended change. '), advice.noRecommendation || '');
  }
  const evidence = [['', 'current', 'proposed'],
    ['threshold', fmtThreshold(rec.from), fmtThreshold(rec.to)],
    ['published', rec.current.published, rec.proposed.published],
    ['…rejected by moderators', rec.current.publishedButRejected, rec.proposed.publishedButRejected],
    ['queued', rec.current.queued, rec.proposed.queued],
    ['rejected', rec.current.rejected, rec.proposed.rejected],
    ['…approved by moderators', rec.current.rejectedButApproved, rec.proposed.rejectedButApproved],
    ['precision', pct(rec.current.precision), pct(rec.proposed.precision)],
    ['recall', pct(rec.current.recall), pct(rec.proposed.recall)]];
  return el('div', { class: 'advice-rec', id: 'advice-recommendation' },
    el('p', {}, el('b', {}, 'Recommended: '), el('span', { id: 'advice-recommendation-summary' }, rec.summary)),
    el('table', { class: 'list evidence', id: 'advice-evidence' },
      el('caption', {}, `Evidence: ${rec.attribute} ${rec.step} threshold`),
      evidence.map((r, i) => el('tr', {}, r.map((c, j) => el(i === 0 || j === 0 ? 'th' : 'td', {}, String(c)))))),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'advice-try',
      onclick: () => onTry(rec.attribute, rec.step, rec.to) },
    `Put ${rec.attribute} ${rec.step} at ${fmtThreshold(rec.to)} into the draft`)));
}

/** Stacked outcome bars per threshold (counts, left scale) with precision and recall lines (0-100 %, right). */
function chart(a, kind, rows, current, marked) {
  // The band above the plot holds the markers' labels, so they never sit on a bar or a line.
  const W = 720, H = 270, left = 34, right = 40, top = 40, bottom = 30;
  const plotW = W - left - right, plotH = H - top - bottom;
  const slot = plotW / Math.max(1, rows.length);
  const bw = Math.max(3, slot * 0.7);
  const max = Math.max(1, ...rows.map(r => r.published + r.queued + r.rejected));
  const y = n => top + plotH - (n / max) * plotH;
  const yRate = v => top + plotH - v * plotH;
  const centre = i => left + i * slot + slot / 2;
  const chartSvg = svg('svg', { id: 'advice-chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-labelledby': 'advice-chart-title', 'aria-describedby': 'advice-table', 'data-attribute': a.attribute,
    'data-step': kind },
  svg('title', { id: 'advice-chart-title' }, `${a.attribute}: outcomes, precision and recall over ${kind} thresholds`
    + ` (the table below lists the same figures)`));
  chartSvg.append(
    svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#d9dee7' }),
    svg('text', { x: 0, y: top - 6 }, 'comments'), svg('text', { x: left + plotW + 4, y: top - 6 }, 'rate'),
    svg('text', { x: 0, y: top + 4 }, String(max)), svg('text', { x: 0, y: top + plotH }, '0'),
    svg('text', { x: left + plotW + 4, y: top + 4 }, '100%'), svg('text', { x: left + plotW + 4, y: top + plotH }, '0%'));
  const every = Math.ceil(rows.length / 10);
  rows.forEach((r, i) => {
    const x = centre(i) - bw / 2;
    const bar = svg('g', { class: 'advice-bar', 'data-threshold': r.threshold }, svg('title', {}, rowText(r)));
    let base = 0;
    for (const [k, colour, other] of OUTCOMES) {
      const n = r[k];
      if (n > 0) {
        bar.append(svg('rect', { x, y: y(base + n), width: bw, height: y(base) - y(base + n), fill: colour,
          'data-outcome': k, 'data-count': n }));
        if (other && r[other] > 0) {
          bar.append(svg('rect', { x: x + bw * 0.2, y: y(base + r[other]), width: bw * 0.6,
            height: y(base) - y(base + r[other]), fill: '#17213a', 'fill-opacity': 0.7, 'data-other': other,
            'data-count': r[other] }));
        }
      }
      base += n;
    }
    chartSvg.append(bar);
    if (i % every === 0 || r.threshold === current || r.threshold === marked) {
      chartSvg.append(svg('text', { x: centre(i) - 10, y: top + plotH + 14 }, fmtThreshold(r.threshold)));
    }
  });
  for (const [field, colour, dash] of [['precision', PRECISION, ''], ['recall', RECALL, '5 3']]) {
    let d = '';
    let pen = 'M';
    rows.forEach((r, i) => {
      if (r[field] === null || r[field] === undefined) {
        pen = 'M';
        return;
      }
      d += `${pen}${centre(i).toFixed(1)},${yRate(r[field]).toFixed(1)} `;
      pen = 'L';
    });
    if (d) {
      // A white halo under each line keeps it readable over the bars.
      chartSvg.append(svg('path', { d: d.trim(), fill: 'none', stroke: '#fff', 'stroke-width': 5,
        'stroke-opacity': 0.8 }));
      chartSvg.append(svg('path', { d: d.trim(), fill: 'none', stroke: colour, 'stroke-width': 2,
        'stroke-dasharray': dash, class: `advice-${field}` }, svg('title', {}, field)));
    }
  }
  const mark = (threshold, label, colour, dash, id) => {
    const i = rows.findIndex(r => r.threshold === threshold);
    if (i < 0) return;
    chartSvg.append(svg('g', { id, 'data-threshold': threshold },
      svg('line', { x1: centre(i), y1: id === 'advice-current' ? top - 2 : top - 16, x2: centre(i), y2: top + plotH, stroke: colour, 'stroke-width': 2,
        'stroke-dasharray': dash }),
      svg('text', { x: Math.min(centre(i) + 3, W - 110), y: id === 'advice-current' ? top - 6 : top - 20,
        style: `fill:${colour};font-weight:600` }, `${label} ${fmtThreshold(threshold)}`)));
  };
  mark(current, 'current', '#17213a', '', 'advice-current');
  if (marked !== null) mark(marked, 'recommended', '#1a7f46', '4 3', 'advice-recommended');
  if (current > 1) {
    chartSvg.append(svg('text', { x: left + plotW - 150, y: top - 8 }, `current ${fmtThreshold(current)}: never`));
  }
  return chartSvg;
}

function adviceTable(a, kind, rows, current, marked) {
  const head = ['threshold', 'published', 'of which moderators rejected', 'queued', 'queued: moderators approved',
    'queued: moderators rejected', 'rejected', 'of which moderators approved', 'precision', 'recall'];
  return el('div', { class: 'scroll' }, el('table', { class: 'list numbers', id: 'advice-table' },
    el('caption', {}, `${a.attribute}: ${kind} threshold varied`),
    el('tr', {}, head.map(h => el('th', { scope: 'col' }, h))),
    rows.map(r => el('tr', { 'data-threshold': r.threshold,
      class: [r.threshold === current ? 'current' : '', r.threshold === marked ? 'advised' : ''].join(' ').trim() },
    el('th', { scope: 'row' }, fmtThreshold(r.threshold),
      r.threshold === current ? ' (current)' : '', r.threshold === marked ? ' (recommended)' : ''),
    [r.published, r.publishedButRejected, r.queued, r.queuedApproved, r.queuedRejected, r.rejected,
      r.rejectedButApproved].map(n => el('td', {}, String(n))),
    el('td', {}, pct(r.precision)), el('td', {}, pct(r.recall))))));
}
