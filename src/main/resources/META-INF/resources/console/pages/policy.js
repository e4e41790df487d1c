// Admin: the site's policy, with a dry run that must succeed before the draft can be saved. Attributes, modes and
// actions come from GET /api/v1/vocabulary. Next to the dry run: threshold advice from moderator decisions
// (panels/advice.js, whose recommendation can be put into the draft), the site verdict model (panels/sitemodel.js)
// and the verdict flips of re-scoring after model changes (panels/rescoring.js).

import { api, errorText, session, vocabulary } from '../lib/api.js';
import { el, options, pageRender, toast } from '../lib/dom.js';
import { advicePanel } from '../panels/advice.js';
import { flipDetails } from '../panels/flips.js';
import { rescoringPanel } from '../panels/rescoring.js';
import { siteModelPanel } from '../panels/sitemodel.js';

const render = pageRender('policy');

async function showPolicy() {
  const site = session.me.siteId;
  const [current, words] = await Promise.all([api('GET', `/api/v1/sites/${site}/policy`), vocabulary()]);
  const o = current.overrides || {};
  const eff = current.effective || {};
  const lines = (list) => (list || []).join('\n');
  const num = (name, value, placeholder) => el('input', { name, type: 'number', step: '0.01', min: 0, max: 1,
    value: value ?? '', placeholder: placeholder ?? 'default', style: 'width:6rem' });
  const thresholdRows = words.thresholdAttributes.map(a => {
    const t = (o.thresholds || {})[a] || {};
    const d = (eff.thresholds || {})[a] || {};
    return el('tr', {}, el('td', {}, a), el('td', {}, num(`${a}.review`, t.review, d.review)),
      el('td', {}, num(`${a}.reject`, t.reject, d.reject)));
  });
  const enumSelect = (name, values, value) => el('select', { name }, options(['', ...values], value, 'default'));
  const form = el('form', { class: 'panel form', id: 'policy-form' },
    el('p', { class: 'muted' }, `Version ${current.version}. Blank fields use the service defaults (shown greyed).`),
    el('label', {}, 'Mode ', enumSelect('mode', words.moderationModes, o.mode)),
    el('h2', {}, 'Thresholds'),
    el('table', { class: 'list' }, el('tr', {}, el('th', {}, 'attribute'), el('th', {}, 'review at'),
      el('th', {}, 'reject at')), thresholdRows),
    el('div', { class: 'grid2' },
      el('label', {}, 'Block terms (one a line)', el('textarea', { name: 'blockTerms', value: lines(o.blockTerms) })),
      el('label', {}, 'Review terms', el('textarea', { name: 'reviewTerms', value: lines(o.reviewTerms) })),
      el('label', {}, 'Censor terms', el('textarea', { name: 'censorTerms', value: lines(o.censorTerms) })),
      el('label', {}, 'Allow terms', el('textarea', { name: 'allowTerms', value: lines(o.allowTerms) }))),
    el('label', {}, 'Off-topic threshold ', num('offTopicThreshold', o.offTopicThreshold, eff.offTopicThreshold)),
    el('label', {}, 'Off-topic action ', enumSelect('offTopicAction', words.policyActions, o.offTopicAction)),
    el('label', {}, 'Languages (main first, comma-separated) ', el('input', { name: 'languages',
      value: (o.languages || []).join(', '), placeholder: (eff.languages || []).join(', ') || 'default' })),
    el('label', {}, 'Unsupported language action ', enumSelect('unsupportedLanguageAction',
      words.policyActions, o.unsupportedLanguageAction)),
    el('label', {}, 'Scorer failure ', enumSelect('scorerFailureAction', words.failureActions, o.scorerFailureAction)),
    el('label', {}, 'Approvals before a new author is no longer pre-moderated ',
      el('input', { name: 'newAuthorApprovals', type: 'number', min: 0, value: o.newAuthorApprovals ?? '' })),
    el('label', {}, 'Approvals before an author is trusted ',
      el('input', { name: 'trustedAfterApprovals', type: 'number', min: 0, value: o.trustedAfterApprovals ?? '' })),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'dry-run' }, 'Dry run'),
      el('button', { type: 'button', id: 'save-policy', disabled: true, onclick: save }, 'Save as new version')));
  const report = el('div', { id: 'dry-run-report' });
  let tested = null;
  form.addEventListener('input', () => { tested = null; document.getElementById('save-policy').disabled = true; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const proposed = policyFrom(form);
    try {
      const r = await api('POST', `/api/v1/sites/${site}/policy/dry-run`, { policy: proposed, limit: 200 });
      tested = proposed;
      report.replaceChildren(el('div', { class: 'panel' }, el('h2', {}, 'Dry run'),
        el('p', {}, `${r.evaluated} recent comments re-evaluated, ${r.changed} would change.`), flipDetails(r)));
      document.getElementById('save-policy').disabled = false;
    } catch (e) {
      report.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  });
  async function save() {
    if (!tested) return;
    try {
      const saved = await api('PUT', `/api/v1/sites/${site}/policy`, tested);
      toast(`Saved policy version ${saved.version}.`);
      showPolicy();
    } catch (e) {
      report.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  }
  /** The advice's recommendation goes into the draft; like any edit, it needs a dry run before it can be saved. */
  function tryAdvice(attribute, step, threshold) {
    const input = form.elements[`${attribute}.${step}`];
    if (!input) return;
    input.value = String(threshold);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
    toast(`Draft: ${attribute} ${step} at ${threshold}. Run the dry run to see what it changes.`);
  }
  render(el('h1', {}, 'Site policy'), form, report, advicePanel(site, { onTry: tryAdvice }), siteModelPanel(site),
    rescoringPanel(site));
}

function policyFrom(form) {
  const data = new FormData(form);
  const policy = {};
  const thresholds = {};
  for (const [k, v] of data) {
    if (v === '') continue;
    if (k.includes('.')) {
      const [attr, side] = k.split('.');
      (thresholds[attr] ||= {})[side] = Number(v);
    } else if (k.endsWith('Terms')) {
      const terms = String(v).split('\n').map(t => t.trim()).filter(Boolean);
      if (terms.length) policy[k] = terms;
    } else if (k === 'languages') {
      const codes = String(v).split(/[\s,]+/).filter(Boolean);
      if (codes.length) policy.languages = codes;
    } else if (['offTopicThreshold'].includes(k)) policy[k] = Number(v);
    else if (['newAuthorApprovals', 'trustedAfterApprovals'].includes(k)) policy[k] = parseInt(v, 10);
    else policy[k] = v;
  }
  if (Object.keys(thresholds).length) policy.thresholds = thresholds;
  return policy;
}

export default {
  path: 'policy',
  label: 'Policy',
  admin: true,
  show: showPolicy,
};
