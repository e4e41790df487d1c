// Re-scoring after a model change, for the policy page (GET /api/v1/sites/{id}/rescoring): when the service starts
// with new model versions it re-scores the site's recent comments in the background; each job's verdict-flip report
// says what the new versions would have decided differently. Stored verdicts are not changed by it.

import { api, errorText } from '../lib/api.js';
import { el, fmtTime } from '../lib/dom.js';
import { flipDetails } from './flips.js';

/** The models whose version changed, as "attribute: old → new". */
function changedModels(before, after) {
  const names = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])].sort();
  return names.filter(n => (before || {})[n] !== (after || {})[n])
    .map(n => `${n}: ${(before || {})[n] || 'none'} → ${(after || {})[n] || 'none'}`).join('; ');
}

export function rescoringPanel(site) {
  const panel = el('section', { class: 'panel', id: 'rescoring', 'aria-labelledby': 'rescoring-heading' },
    el('h2', { id: 'rescoring-heading' }, 'Re-scoring after model changes'), el('p', { class: 'muted' }, 'Loading…'));
  panel.loaded = api('GET', `/api/v1/sites/${site}/rescoring`).then((jobs) => {
    panel.replaceChildren(panel.firstChild, ...(jobs.length ? jobs.map(job => el('div', { class: 'rescore-job',
      'data-job-id': job.id, 'data-state': job.state },
    el('p', {}, el('b', {}, `${fmtTime(job.createdAt)}: `), changedModels(job.modelsBefore, job.modelsAfter) || 'models changed'),
    el('p', { 'data-role': 'progress' }, job.state === 'done'
      ? `Done ${fmtTime(job.finishedAt)}: ${job.report.evaluated} comments since ${fmtTime(job.since)} re-scored, `
        + `${job.report.changed} would now get another verdict.`
      : `Running: ${job.report.evaluated} of at most ${job.maxComments} comments since ${fmtTime(job.since)} `
        + `re-scored so far, ${job.report.changed} would now get another verdict.`),
    flipDetails(job.report)))
      : [el('p', { class: 'muted', id: 'rescoring-none' }, 'No re-scoring yet: the models have not changed since '
        + 'this site had comments.')]),
    el('p', { class: 'muted' }, 'Re-scoring reports only; stored verdicts stay as they were.'));
  }, (e) => panel.replaceChildren(panel.firstChild, el('p', { class: 'error', role: 'alert' }, errorText(e))));
  return panel;
}
