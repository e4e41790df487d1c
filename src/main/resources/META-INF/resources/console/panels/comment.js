// A comment as the queue shows it: its text with the flagged spans highlighted, whether it is severe enough to
// blur, its scores, and the article sentences the off-topic scorer compared it with.

import { el } from '../lib/dom.js';

// Presentation only, not vocabulary: which colour family an attribute's highlight takes (one the console does not
// know here is "other"), and which attributes blur a comment. Scores at or above SEVERE_SCORE on the most harmful
// attributes blur the text until the moderator clicks it, so nobody reads slurs or threats by accident while
// scanning the queue.
const HIGHLIGHT_FAMILIES = {
  profanity: 'hl-profanity', obscene: 'hl-profanity', spam: 'hl-spam', toxicity: 'hl-toxicity',
  severe_toxicity: 'hl-toxicity', insult: 'hl-toxicity', threat: 'hl-toxicity', identity_attack: 'hl-toxicity',
};
const SEVERE_SCORE = 0.8;
const SEVERE_ATTRIBUTES = ['severe_toxicity', 'threat', 'identity_attack'];

function hlClass(attribute) {
  return HIGHLIGHT_FAMILIES[attribute] || 'hl-other';
}

/**
 * The comment text with its spans marked. Spans are UTF-16 offsets into the original text, which is exactly how
 * JavaScript strings index, so slice() cuts them as the scorers meant. Overlapping spans (a profane word inside a
 * toxic sentence) are split at every boundary and each piece lists every span that covers it.
 */
export function highlighted(text, spans) {
  const valid = (spans || []).filter(s => s.begin >= 0 && s.end > s.begin && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  valid.forEach(s => { cuts.add(s.begin); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = valid.filter(s => s.begin <= from && s.end >= to);
    if (!covering.length) { nodes.push(piece); continue; }
    // The most specific span (shortest, e.g. a profane word rather than its sentence) decides the colour.
    const top = covering.reduce((a, b) => (b.end - b.begin < a.end - a.begin ? b : a));
    const title = covering.map(s => `${s.attribute} ${Number(s.score).toFixed(2)}`
      + (s.term ? ` · term “${s.term}”` : '') + (s.severity ? ` · ${s.severity}` : '')).join('\n');
    nodes.push(el('mark', { class: `${hlClass(top.attribute)}${covering.length > 1 ? ' multi' : ''}`, title,
      dataset: { attributes: covering.map(s => s.attribute).join(' ') } }, piece));
  }
  return nodes;
}

export function isSevere(comment) {
  const scores = comment.scores || {};
  return SEVERE_ATTRIBUTES.some(a => (scores[a] ?? 0) >= SEVERE_SCORE)
    || (comment.spans || []).some(s => s.severity === 'slur');
}

export function scoreTable(scores) {
  const rows = Object.entries(scores || {}).filter(([, v]) => v !== null && v !== undefined)
    .sort((a, b) => b[1] - a[1]);
  return el('table', { class: 'scores' }, rows.map(([k, v]) => el('tr', {},
    el('td', {}, k), el('td', {}, v.toFixed(2)),
    el('td', {}, el('div', { class: `bar${v >= 0.7 ? ' high' : ''}` },
      el('i', { style: `width:${Math.round(Math.min(1, Math.max(0, v)) * 100)}%` }))))));
}

/** The article sentences the off-topic scorer found closest to the comment, as stored with its verdict. */
export function closestSentences(c) {
  const sentences = (c.details && c.details.off_topic && c.details.off_topic.closestSentences) || [];
  if (!sentences.length) return null;
  return el('div', { class: 'closest' }, el('span', { class: 'muted' }, 'Closest article sentences:'),
    el('ol', {}, sentences.map(s => {
      const measure = s.similarity != null ? `similarity ${Number(s.similarity).toFixed(2)}`
        : s.wordOverlap != null ? `word overlap ${Number(s.wordOverlap).toFixed(2)}` : '';
      return el('li', {}, String(s.text || ''), measure ? el('span', { class: 'muted' }, ` (${measure})`) : null);
    })));
}
