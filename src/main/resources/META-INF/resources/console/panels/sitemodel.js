// The site verdict model for the policy page (GET /api/v1/sites/{id}/site-model): the decisions a fit needs and
// the site has, each fitted version's precision and recall on the site's held-out decisions, fitting a new
// version, and turning one on or off as the policy's site_reject attribute (PUT /api/v1/sites/{id}/learning,
// which replaces every learning override, so the others are sent back as they were).

import { act, api, errorText } from '../lib/api.js';
import { el, fmtTime, toast } from '../lib/dom.js';
import { fmtThreshold, pct } from './advice.js';

export function siteModelPanel(site) {
  const panel = el('section', { class: 'panel', id: 'site-model', 'aria-labelledby': 'site-model-heading' },
    el('h2', { id: 'site-model-heading' }, 'Site verdict model'), el('p', { class: 'muted' }, 'Loading…'));

  const load = async () => {
    let model;
    let learning;
    try {
      [model, learning] = await Promise.all([api('GET', `/api/v1/sites/${site}/site-model`),
        api('GET', `/api/v1/sites/${site}/learning`)]);
    } catch (e) {
      panel.replaceChildren(panel.firstChild, el('p', { class: 'error', role: 'alert' }, errorText(e)));
      return;
    }
    const use = async (version) => {
      if (version !== null && !confirm(`Use version ${version}? New and edited comments are then scored with it `
        + `and queued from ${fmtThreshold(model.reviewFrom)}.`)) return;
      const saved = await act(() => api('PUT', `/api/v1/sites/${site}/learning`,
        { ...(learning.overrides || {}), enabledModelVersion: version }));
      if (saved) {
        toast(version === null ? 'The site model is no longer used.' : `Version ${version} is in use.`);
        load();
      }
    };
    const fit = async () => {
      const fitted = await act(() => api('POST', `/api/v1/sites/${site}/site-model/fit`));
      if (fitted) {
        toast(`Fitted version ${fitted.version}; it is not used until you turn it on.`);
        load();
      }
    };
    const bar = model.bar;
    panel.replaceChildren(panel.firstChild,
      el('p', {}, `Learns what this site's moderators reject. ${bar.decisions} decisions so far (${bar.approved} `
        + `approved, ${bar.rejected} rejected); a fit needs ${bar.minDecisions} with at least ${bar.minPerOutcome} `
        + 'of each outcome.'),
      el('p', { id: 'site-model-in-use' }, model.enabledVersion === null || model.enabledVersion === undefined
        ? 'No version is in use: verdicts ignore the site model.'
        : `Version ${model.enabledVersion} is in use as attribute site_reject: comments are queued from `
          + `${fmtThreshold(model.reviewFrom)} and rejected from ${model.rejectFrom > 1
            ? `${fmtThreshold(model.rejectFrom)} (never)` : fmtThreshold(model.rejectFrom)}.`),
      model.versions.length ? el('table', { class: 'list', id: 'site-model-versions' },
        el('caption', {}, 'Fitted versions, newest first, measured on held-out decisions (every fifth comment)'),
        el('tr', {}, ['version', 'fitted', 'examples', 'held out (rejected)', 'precision', 'recall',
          'agreement', 'automatic verdict agreement', ''].map(h => el('th', { scope: 'col' }, h))),
        model.versions.map(v => el('tr', { 'data-version': v.version },
          el('th', { scope: 'row', title: v.model }, String(v.version)),
          el('td', {}, fmtTime(v.createdAt)), el('td', {}, String(v.examples)),
          el('td', {}, `${v.heldOut.heldOut} (${v.heldOut.heldOutRejected})`),
          el('td', {}, pct(v.heldOut.precision)), el('td', {}, pct(v.heldOut.recall)),
          el('td', {}, pct(v.heldOut.agreement)), el('td', {}, pct(v.heldOut.policyAgreement)),
          el('td', {}, v.enabled
            ? el('button', { type: 'button', onclick: () => use(null) }, 'Stop using')
            : el('button', { type: 'button', onclick: () => use(v.version) }, 'Use this version')))))
        : el('p', { class: 'muted' }, 'No version fitted yet.'),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'site-model-fit', disabled: !bar.reached,
        onclick: fit }, 'Fit a new version now'),
      bar.reached ? null : el('span', { class: 'muted' }, 'Not enough decisions yet.')));
  };
  panel.loaded = load();
  return panel;
}
