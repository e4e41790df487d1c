// Re-scoring after a model change, for the policy page (GET /api/v1/sites/{id}/rescoring): when the service starts
// with new model versions it re-scores the site's recent comments in the background; each job's verdict-flip report
// says what the new versions would have decided differently. Stored verdicts are not changed by it. With
// commentguard.models.shadow on, new versions decide nothing on the site until an admin accepts them
// (GET /api/v1/sites/{id}/models, POST …/models/accept with the versions exactly as shown).

import { act, api, errorText, session } from '../lib/api.js';
import { el, fmtTime, toast } from '../lib/dom.js';
import { flipDetails } from './flips.js';

/** The models whose version changed, as "attribute: old → new". */
function changedModels(before, after) {
  const names = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])].sort();
  return names.filter(n => (before || {})[n] !== (after || {})[n])
    .map(n => `${n}: ${(before || {})[n] || 'none'} → ${(after || {})[n] || 'none'}`).join('; ');
}

/** The versions waiting for acceptance, with the accept action for admins; null when none wait. */
function pendingVersions(site, models, reload) {
  if (!models.shadow) return null;
  if (!models.pendingAcceptance) {
    return el('p', { class: 'muted', id: 'models-accepted' }, 'New model versions run in shadow until accepted; '
      + 'this site has accepted the running versions.');
  }
  const accept = async () => {
    if (!confirm('Accept these versions? From then on they decide this site\'s verdicts.')) return;
    const accepted = await act(() => api('POST', `/api/v1/sites/${site}/models/accept`, { versions: models.running }));
    if (accepted) {
      toast('The new model versions decide this site\'s verdicts now.');
      reload();
    }
  };
  const evidence = models.rescoring;
  return el('div', { class: 'notice', id: 'models-pending', role: 'status' },
    el('p', {}, el('b', {}, 'New model versions wait for acceptance: '), changedModels(models.accepted, models.running)),
    el('p', {}, 'Until they are accepted every new comment on this site is queued (reason models.in_shadow); their '
      + 'scores are stored.'),
    el('p', { 'data-role': 'evidence' }, evidence
      ? `Evidence: the re-scoring job of ${fmtTime(evidence.createdAt)} (${evidence.state}) re-scored `
        + `${evidence.evaluated} comments so far; ${evidence.changed} would get another verdict (details below).`
      : 'No re-scoring report for these versions yet.'),
    session.me.role === 'admin'
      ? el('div', { class: 'actions' }, el('button', { type: 'button', id: 'models-accept', onclick: accept },
        'Accept these versions'))
      : null);
}

export function rescoringPanel(site) {
  const panel = el('section', { class: 'panel', id: 'rescoring', 'aria-labelledby': 'rescoring-heading' },
    el('h2', { id: 'rescoring-heading' }, 'Re-scoring after model changes'), el('p', { class: 'muted' }, 'Loading…'));
  const load = () => Promise.all([api('GET', `/api/v1/sites/${site}/rescoring`),
    api('GET', `/api/v1/sites/${site}/models`)]).then(([jobs, models]) => {
    panel.replaceChildren(panel.firstChild, pendingVersions(site, models, load) || [],
      ...(jobs.length ? jobs.map(job => el('div', { class: 'rescore-job',
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
  panel.loaded = load();
  return panel;
}
