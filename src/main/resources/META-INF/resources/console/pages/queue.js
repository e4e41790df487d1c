// The review queue: filters, the items in priority order, claiming, decisions with reason codes, bulk decisions,
// undo, and keyboard shortcuts. Reason codes, attributes, statuses and sorts come from GET /api/v1/vocabulary.

import { act, api, errorText, query, session, vocabulary } from '../lib/api.js';
import { el, fmtTime, options, pageRender, toast } from '../lib/dom.js';
import { closestSentences, highlighted, isSevere, scoreTable } from '../panels/comment.js';
import { helpDialog, reasonDialog } from '../panels/dialogs.js';

const render = pageRender('queue');

const queueState = {
  filters: { status: 'open', sort: 'priority' },
  items: [], nextCursor: null, selected: 0, checked: new Set(), notes: new Map(), revealed: new Set(),
  recent: [], // decisions made in this tab, newest first, for undo
};
const queueKeys = { active: false };
/** GET /api/v1/vocabulary, read when the page is shown; the dialogs take their reason codes from it. */
let words = null;

/** Reason codes for rejecting: every code that does not say the comment is fine (single rejections also leave out
 * escalation's, which the Escalate button sends). */
function rejectReasons(withEscalation) {
  return words.reasonCodes.filter(r => !words.approvalReasonCodes.includes(r)
    && (withEscalation || r !== words.escalationReasonCode));
}

/** Shows the queue; #/queue?author=…&status=… (the author page links so) starts with those filters. */
async function showQueue({ params } = {}) {
  words = await vocabulary();
  if (params && [...params.keys()].length) queueState.filters = Object.fromEntries(params);
  const f = queueState.filters;
  const field = (name, label, input) => el('label', {}, label, input);
  const text = (name, placeholder) => el('input', { name, value: f[name] || '', placeholder });
  const select = (name, values) => el('select', { name }, options(values, f[name], 'any'));
  const form = el('form', { class: 'filters', id: 'filters' },
    field('status', 'Status', select('status', words.queueStatuses)),
    field('sort', 'Sort', select('sort', words.queueSorts)),
    field('reason', 'Reason', text('reason', 'e.g. toxicity.review')),
    field('article', 'Article', text('article', 'external id')),
    field('author', 'Author', text('author', 'external id')),
    field('attribute', 'Attribute', select('attribute', ['', ...words.attributes])),
    field('minScore', 'Min score', text('minScore', '0–1')),
    field('maxScore', 'Max score', text('maxScore', '0–1')),
    el('button', { type: 'submit', class: 'primary' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    queueState.filters = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
    loadQueue(false);
  });
  const bulk = el('div', { class: 'bulkbar', id: 'bulkbar' },
    el('span', { id: 'bulk-count', class: 'muted' }, '0 selected'),
    el('button', { type: 'button', id: 'bulk-approve', class: 'approve', onclick: () => bulkDecide('approve') }, 'Approve selected'),
    el('button', { type: 'button', id: 'bulk-reject', class: 'reject', onclick: () => bulkDecide('reject') }, 'Reject selected'),
    el('button', { type: 'button', id: 'claim-next', onclick: claimNext }, 'Claim next'),
    el('span', { class: 'legend muted' }, ' Highlights: ',
      el('span', { class: 'hl-profanity', style: 'background:var(--hl-profanity)' }, 'profanity'),
      el('span', { style: 'background:var(--hl-toxicity)' }, 'toxicity'),
      el('span', { style: 'background:var(--hl-spam)' }, 'spam'),
      el('span', { style: 'background:var(--hl-other)' }, 'other')),
    el('span', { class: 'muted' }, ' Press ', el('kbd', {}, '?'), ' for shortcuts'));
  render(el('h1', {}, 'Review queue'), form, bulk, el('div', { id: 'items' }),
    el('div', { id: 'more' }), el('div', { id: 'recent' }));
  queueKeys.active = true;
  await loadQueue(false);
}

async function loadQueue(more) {
  const page = await api('GET', '/api/v1/queue' + query({ ...queueState.filters, limit: 25,
    cursor: more ? queueState.nextCursor : undefined }));
  queueState.items = more ? queueState.items.concat(page.items) : page.items;
  queueState.nextCursor = page.nextCursor;
  if (!more) { queueState.selected = 0; queueState.checked.clear(); }
  drawQueue();
}

function drawQueue() {
  const container = document.getElementById('items');
  if (!container) return;
  const { items } = queueState;
  queueState.selected = Math.min(queueState.selected, Math.max(0, items.length - 1));
  container.replaceChildren(...(items.length ? items.map((item, i) => itemCard(item, i))
    : [el('p', { class: 'muted', id: 'queue-empty' }, 'Nothing in the queue for these filters.')]));
  document.getElementById('more').replaceChildren(queueState.nextCursor
    ? el('button', { type: 'button', onclick: () => loadQueue(true) }, 'Load more') : '');
  document.getElementById('bulk-count').textContent = `${queueState.checked.size} selected`;
  drawRecent();
}

function itemCard(item, index) {
  const c = item.comment;
  const selected = index === queueState.selected;
  const severe = isSevere(c) && !queueState.revealed.has(item.id);
  const textBox = el('div', { class: `text${severe ? ' blurred' : ''}`, title: severe ? 'Click to reveal' : null,
    dataset: { role: 'comment-text' } }, highlighted(c.text, c.spans));
  if (severe) {
    textBox.addEventListener('click', () => { queueState.revealed.add(item.id); drawQueue(); }, { once: true });
  }
  const note = el('textarea', { placeholder: 'Note (sent with the decision)', value: queueState.notes.get(item.id) || '',
    oninput: (e) => queueState.notes.set(item.id, e.target.value), dataset: { role: 'note' } });
  const mine = item.claimedBy && item.claimedBy === myActor();
  const a = item.author;
  const sanctions = [a.banned && 'banned', a.suspendedUntil && `suspended until ${fmtTime(a.suspendedUntil)}`,
    a.alwaysPremoderate && 'pre-moderated', a.trusted && 'trusted'].filter(Boolean);
  const open = item.state === 'open';
  return el('article', { class: `item${selected ? ' selected' : ''}${open ? '' : ' decided'}`, id: `item-${item.id}`,
    dataset: { itemId: item.id, commentId: c.id }, onclick: () => select(index, false) },
  el('div', {}, el('input', { type: 'checkbox', 'aria-label': 'Select for bulk action', checked: queueState.checked.has(item.id),
    onchange: (e) => { e.target.checked ? queueState.checked.add(item.id) : queueState.checked.delete(item.id);
      document.getElementById('bulk-count').textContent = `${queueState.checked.size} selected`; } })),
  el('div', {},
    el('div', { class: 'meta' },
      el('span', { class: `state ${item.escalated ? 'escalated' : item.claimedBy ? 'claimed' : item.state}` },
        item.state === 'decided' ? `decided: ${item.decision} (${item.decisionReason})`
          : item.escalated ? 'escalated' : item.claimedBy ? (mine ? 'claimed by you' : `claimed by ${item.claimedBy}`) : 'open'),
      ' · priority ', el('b', {}, String(item.priority)), ' · on ', el('b', {}, item.article.title),
      ' · ', fmtTime(c.createdAt), item.reports ? ` · ${item.reports} reader report(s)` : ''),
    item.parent ? el('div', { class: 'context' }, el('span', { class: 'muted' }, 'In reply to: '), item.parent.text) : null,
    severe ? el('div', { class: 'blurnote' }, 'Severe content, blurred: click the text to read it.') : null,
    textBox,
    el('div', { class: 'chips' }, (c.reasons || []).map(r => el('span', { class: 'chip reason' }, r)),
      item.cause ? el('span', { class: 'chip' }, `cause: ${item.cause}`) : null),
    (c.scores && c.scores.off_topic != null && c.scores.off_topic >= 0.5)
      ? el('div', { class: 'context' }, closestSentences(c),
        el('button', { type: 'button', onclick: (e) => showArticle(e, item) },
        'Show the article text (off-topic check)'), el('div', { class: 'article-text' })) : null,
    open ? el('div', { class: 'actions' },
      el('button', { type: 'button', dataset: { action: 'claim' }, onclick: () => claim(item) }, mine ? 'Claimed' : 'Claim'),
      el('button', { type: 'button', class: 'approve', dataset: { action: 'approve' }, onclick: () => approve(item) }, 'Approve (a)'),
      el('button', { type: 'button', class: 'reject', dataset: { action: 'reject' }, onclick: () => rejectDialog(item) }, 'Reject… (r)'),
      el('button', { type: 'button', class: 'escalate', dataset: { action: 'escalate' }, onclick: () => escalate(item) }, 'Escalate (e)'),
      mine ? el('button', { type: 'button', onclick: () => release(item) }, 'Release') : null,
      note) : null),
  el('aside', {},
    el('div', { class: 'meta' }, 'Author ',
      el('a', { href: `#/author/${encodeURIComponent(a.id)}` }, a.name || a.id)),
    el('div', { class: 'meta' }, `${a.published} published · ${a.pending} pending · ${a.rejected} rejected`),
    el('div', { class: 'meta' }, `recent: ${a.recentRejected}/${a.recentComments} rejected`),
    sanctions.length ? el('div', { class: 'chips' }, sanctions.map(s => el('span', { class: 'chip sanction' }, s))) : null,
    scoreTable(c.scores),
    el('div', { class: 'meta' }, Object.entries(c.models || {}).map(([k, v]) => `${k}: ${v}`).join(' · '))));
}

/** The article sentences the off-topic scorer found closest to the comment, as stored with its verdict. */
async function showArticle(ev, item) {
  ev.stopPropagation();
  const box = ev.target.nextElementSibling;
  try {
    const article = await api('GET', `/api/v1/articles/${encodeURIComponent(item.article.externalId)}`);
    box.replaceChildren(el('p', {}, article.text || article.body || ''));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, errorText(e)));
  }
}

function myActor() {
  return session.me ? `key:${session.me.label}#${String(session.me.keyId).slice(0, 8)}` : null;
}

function select(index, scroll = true) {
  if (index < 0 || index >= queueState.items.length || index === queueState.selected) return;
  const cards = document.querySelectorAll('#items article.item');
  cards[queueState.selected]?.classList.remove('selected');
  queueState.selected = index;
  cards[index]?.classList.add('selected');
  if (scroll) cards[index]?.scrollIntoView({ block: 'nearest' });
}

function replaceItem(view) {
  const i = queueState.items.findIndex(x => x.id === view.id);
  if (i >= 0) queueState.items[i] = view;
  drawQueue();
}

async function claim(item) {
  const view = await act(() => api('POST', `/api/v1/queue/${item.id}/claim`));
  if (view) { replaceItem(view); toast('Claimed: it is yours for the claim lease.'); }
}

async function release(item) {
  const view = await act(() => api('POST', `/api/v1/queue/${item.id}/release`));
  if (view) replaceItem(view);
}

async function claimNext() {
  const view = await act(() => api('POST', '/api/v1/queue/claim'));
  if (view === null) { toast('Nothing left to claim.'); return; }
  const i = queueState.items.findIndex(x => x.id === view.id);
  if (i < 0) queueState.items.unshift(view);
  replaceItem(view);
  select(Math.max(0, queueState.items.findIndex(x => x.id === view.id)));
}

async function decide(item, action, reason, note) {
  const body = { action, reason };
  const n = note ?? queueState.notes.get(item.id);
  if (n && n.trim()) body.note = n.trim();
  const view = await act(() => api('POST', `/api/v1/queue/${item.id}/decision`, body));
  if (!view) return;
  queueState.notes.delete(item.id);
  if (action !== 'escalate') {
    queueState.recent.unshift({ id: view.id, action, reason, text: view.comment.text, at: Date.now() });
    queueState.recent = queueState.recent.slice(0, 20);
  }
  replaceItem(view);
  toast(`${action === 'approve' ? 'Approved' : action === 'reject' ? 'Rejected' : 'Escalated'} (${reason}).`,
    action === 'escalate' ? null : { label: 'Undo', run: () => undo(view.id) });
  // Move on to the next open item, as a moderator working down the queue expects.
  const next = queueState.items.findIndex((x, i) => i > queueState.selected && x.state === 'open');
  if (next >= 0) select(next);
}

/** Approves with the first of the approval reasons ("acceptable"): the reason dialog is for rejections. */
function approve(item) {
  return decide(item, 'approve', words.approvalReasonCodes[0]);
}

function escalate(item) {
  return decide(item, 'escalate', words.escalationReasonCode);
}

function rejectDialog(item) {
  const reasons = rejectReasons(false);
  const top = Object.entries(item.comment.scores || {}).filter(([k, v]) => v != null && reasons.includes(k))
    .sort((a, b) => b[1] - a[1])[0];
  reasonDialog('Reject comment', top ? [top[0], ...reasons.filter(r => r !== top[0])] : reasons,
    (reason, note) => decide(item, 'reject', reason, note || queueState.notes.get(item.id)));
}

async function bulkDecide(action) {
  const ids = [...queueState.checked];
  if (!ids.length) { toast('Select items with their checkboxes first.'); return; }
  const run = async (reason, note) => {
    const answer = await act(() => api('POST', '/api/v1/queue/decisions', {
      decisions: ids.map(itemId => ({ itemId, action, reason, note: note || undefined })) }));
    if (!answer) return;
    const failed = answer.results.filter(r => r.status >= 400);
    toast(`${ids.length - failed.length} of ${ids.length} decided${failed.length ? `; ${failed.length} failed` : ''}.`);
    await loadQueue(false);
  };
  if (action === 'approve') reasonDialog(`Approve ${ids.length} item(s)`, words.approvalReasonCodes, run);
  else reasonDialog(`Reject ${ids.length} item(s)`, rejectReasons(true), run);
}

async function undo(itemId) {
  const view = await act(() => api('POST', `/api/v1/queue/${itemId}/undo`));
  if (!view) return;
  queueState.recent = queueState.recent.filter(r => r.id !== itemId);
  toast('Decision undone; the item is claimed by you again.');
  if (queueState.items.some(x => x.id === itemId)) replaceItem(view);
  else drawRecent();
}

function drawRecent() {
  const box = document.getElementById('recent');
  if (!box) return;
  box.replaceChildren(queueState.recent.length ? el('div', { class: 'panel' },
    el('h2', {}, 'Your recent decisions (undo within the window)'),
    el('table', { class: 'list' }, queueState.recent.map(r => el('tr', {},
      el('td', {}, `${r.action} (${r.reason})`), el('td', {}, r.text.slice(0, 80)),
      el('td', {}, new Date(r.at).toLocaleTimeString()),
      el('td', {}, el('button', { type: 'button', onclick: () => undo(r.id) }, 'Undo')))))) : '');
}

const SHORTCUTS = [['j / k', 'next / previous item'], ['c', 'claim'], ['a', 'approve (acceptable)'],
  ['r', 'reject with a reason'], ['e', 'escalate'], ['n', 'write a note'], ['x', 'select for bulk'],
  ['u', 'undo your last decision'], ['?', 'this help']];

document.addEventListener('keydown', (ev) => {
  if (!queueKeys.active || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const target = ev.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    || target instanceof HTMLSelectElement || document.querySelector('dialog[open]')) return;
  const item = queueState.items[queueState.selected];
  const open = item && item.state === 'open';
  const handlers = {
    j: () => select(queueState.selected + 1),
    k: () => select(queueState.selected - 1),
    '?': () => helpDialog(SHORTCUTS),
    c: () => open && claim(item),
    a: () => open && approve(item),
    r: () => open && rejectDialog(item),
    e: () => open && escalate(item),
    n: () => document.querySelector('#items article.selected textarea')?.focus(),
    x: () => item && document.querySelector('#items article.selected input[type=checkbox]')?.click(),
    u: () => queueState.recent[0] && undo(queueState.recent[0].id),
  };
  const handler = handlers[ev.key];
  if (handler) { ev.preventDefault(); handler(); }
});


export default {
  path: 'queue',
  label: 'Queue',
  admin: false,
  show: showQueue,
  leave() { queueKeys.active = false; },
};
