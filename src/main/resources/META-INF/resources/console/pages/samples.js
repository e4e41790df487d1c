// The blind quality sample (GET /api/v1/samples): comments the service published or rejected on its own, drawn at
// random so moderators can check the automatic verdicts. The API gives the comment and its context only, and this
// page shows nothing else: no scores, reasons, highlights or status, so the decision is the moderator's own. A
// decision is a label; the comment itself changes only when the moderator ticks "also apply" (applyToComment).
// Reason codes come from GET /api/v1/vocabulary; the weekly estimates the decisions feed are on the stats page.

import { act, api, query, vocabulary } from '../lib/api.js';
import { el, fmtTime, options, pageRender, toast } from '../lib/dom.js';

const render = pageRender('samples');

const state = { items: [], nextCursor: null };
let words = null;

async function showSamples() {
  words = await vocabulary();
  render(el('h1', {}, 'Blind quality sample'),
    el('p', { class: 'muted' }, 'These comments were decided automatically and drawn at random. Decide each as you '
      + 'would in the queue: what the service concluded is hidden so that your decision checks it. Your decision '
      + 'is recorded as a label only; tick "also apply" to publish or reject the comment itself. ',
    el('a', { href: '#/stats' }, 'Estimated precision and recall are on the stats page.')),
    el('div', { id: 'samples' }), el('div', { id: 'samples-more' }));
  await load(false);
}

async function load(more) {
  const page = await api('GET', '/api/v1/samples' + query({ limit: 25, cursor: more ? state.nextCursor : undefined }));
  state.items = more ? state.items.concat(page.items) : page.items;
  state.nextCursor = page.nextCursor;
  draw();
}

function draw() {
  const list = document.getElementById('samples');
  if (!list) return;
  list.replaceChildren(...(state.items.length ? state.items.map(card)
    : [el('p', { class: 'muted', id: 'samples-empty' }, 'No sample items to decide.')]));
  document.getElementById('samples-more').replaceChildren(state.nextCursor
    ? el('button', { type: 'button', onclick: () => load(true) }, 'Load more') : '');
}

function card(item) {
  // Approvals offer the codes that say a comment is fine; rejections the others (escalation has no meaning here).
  const approveReasons = words.approvalReasonCodes;
  const rejectReasons = words.reasonCodes.filter(r => !approveReasons.includes(r) && r !== words.escalationReasonCode);
  const reason = el('select', { 'data-role': 'reason', 'aria-label': 'Reason' },
    options(['', ...approveReasons, ...rejectReasons], '', 'no reason code'));
  const apply = el('input', { type: 'checkbox', 'data-role': 'apply' });
  const decide = async (action) => {
    const code = reason.value || undefined;
    if (code && !(action === 'approve' ? approveReasons : rejectReasons).includes(code)) {
      toast(`"${code}" is a reason to ${action === 'approve' ? 'reject' : 'approve'}; choose another or none.`);
      return;
    }
    // One decision per item: the buttons wait for the answer, so a double click cannot send a second one.
    buttons.forEach(b => { b.disabled = true; });
    const decided = await act(() => api('POST', `/api/v1/samples/${item.id}/decision`,
      { action, reason: code, applyToComment: apply.checked }));
    buttons.forEach(b => { b.disabled = false; });
    if (!decided) return;
    state.items = state.items.filter(i => i.id !== item.id);
    draw();
    toast(`Recorded: ${decided.decision}${decided.applied ? ', and applied to the comment' : ' (the comment is unchanged)'}.`);
  };
  const buttons = [
    el('button', { type: 'button', class: 'approve', 'data-action': 'approve', onclick: () => decide('approve') },
      'Approve'),
    el('button', { type: 'button', class: 'reject', 'data-action': 'reject', onclick: () => decide('reject') },
      'Reject')];
  return el('article', { class: 'item sample', 'data-sample-id': item.id, 'data-comment-id': item.commentId },
    el('div', { class: 'sample-body' },
      el('div', { class: 'meta' }, 'On ', el('b', {}, item.articleTitle || '–'), ` · ${fmtTime(item.createdAt)}`),
      item.parentText ? el('div', { class: 'context' }, 'In reply to: ', item.parentText) : null,
      el('div', { class: 'text', 'data-role': 'comment-text' }, item.text)),
    el('div', { class: 'actions' }, buttons, reason,
      el('label', {}, apply, ' also apply to the comment')));
}

export default {
  path: 'samples',
  label: 'Blind sample',
  admin: false,
  show: showSamples,
};
