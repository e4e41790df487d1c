// A verdict-flip report (the policy dry run's shape: evaluated, changed, before, after, changes), shown for the
// policy dry run and for re-scoring after a model change.

import { el, jsonTable } from '../lib/dom.js';

function fmtCounts(m) {
  return Object.entries(m || {}).map(([k, v]) => `${k} ${v}`).join(', ') || '–';
}

/** The counts per status before and after, and the comments whose verdict would change. */
export function flipDetails(r) {
  return [el('p', {}, `Before: ${fmtCounts(r.before)} · after: ${fmtCounts(r.after)}`),
    r.changes.length ? jsonTable(r.changes.map(c => ({ comment: c.externalId, before: c.before, after: c.after,
      reasons: (c.reasonsAfter || []).join(', ') }))) : null];
}
