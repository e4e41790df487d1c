// Commentguard moderator console: a thin client over the REST API, with no build step and no third-party code.
//
// SECURITY: every string that comes from the API (comment text, names, titles, reasons, errors) is put into the
// page with text nodes only: el() below never sets innerHTML, so markup in a comment stays visible text.

const KEY_STORE = 'commentguard.apiKey';
const REASON_CODES = ['acceptable', 'false_positive', 'context_ok', 'toxicity', 'insult', 'threat',
  'identity_attack', 'profanity', 'obscene', 'spam', 'off_topic', 'harassment', 'misinformation', 'personal_data',
  'illegal', 'duplicate', 'needs_senior', 'legal', 'other'];
const APPROVE_REASONS = ['acceptable', 'false_positive', 'context_ok'];
const ATTRIBUTES = ['toxicity', 'severe_toxicity', 'insult', 'threat', 'identity_attack', 'obscene', 'profanity',
  'strong_profanity', 'spam', 'off_topic'];
const EVENT_TYPES = ['comment.published', 'comment.rejected', 'comment.queued', 'comment.decided',
  'author.sanctioned'];
// Scores at or above this on the most harmful attributes blur the text until the moderator clicks it, so nobody
// reads slurs or threats by accident while scanning the queue.
const SEVERE_SCORE = 0.8;
const SEVERE_ATTRIBUTES = ['severe_toxicity', 'threat', 'identity_attack'];

// ---------------------------------------------------------------------------------------------------------------
// DOM and API helpers

/** Creates an element; strings among the children become text nodes, never markup. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'value') node.value = String(v); // the property, so textareas get their content as text
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const $app = () => document.getElementById('app');

function render(...children) {
  $app().replaceChildren();
  append($app(), children);
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
  }
}

function apiKey() {
  return sessionStorage.getItem(KEY_STORE);
}

/** Calls the API with the session's key in the X-Api-Key header (never in the URL). */
async function api(method, path, body, key = apiKey()) {
  const headers = { 'Accept': 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit', cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    if (response.status === 401 && key === apiKey()) signOut('Your key is no longer valid; sign in again.');
    throw new ApiError(response.status, json);
  }
  return json;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

let toastTimer;
function toast(message, action) {
  const t = document.getElementById('toast');
  t.replaceChildren(el('span', {}, message));
  if (action) t.append(el('button', { type: 'button', onclick: () => { t.hidden = true; action.run(); } }, action.label));
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, action ? 12000 : 4000);
}

function errorText(e) {
  return e instanceof ApiError ? `${e.message}${e.code ? ` (${e.code})` : ''}` : String(e.message || e);
}

function fmtTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

// ---------------------------------------------------------------------------------------------------------------
// Session

const session = { me: null };

function signOut(message) {
  sessionStorage.removeItem(KEY_STORE);
  session.me = null;
  location.hash = '';
  showSignIn(message);
}

function showSignIn(message) {
  document.getElementById('nav').replaceChildren();
  document.getElementById('whoami').replaceChildren();
  const input = el('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off',
    placeholder: 'cg_mod_… or cg_adm_…', required: true });
  const error = el('p', { id: 'signin-error', class: 'error', role: 'alert' }, message || '');
  const form = el('form', { class: 'panel signin', id: 'signin' },
    el('h1', {}, 'Sign in'),
    el('p', { class: 'muted' }, 'Paste a moderator or admin API key. It stays in this browser tab only.'),
    el('label', { for: 'api-key' }, 'API key'), input,
    el('button', { class: 'primary', type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const key = input.value.trim();
    try {
      const me = await api('GET', '/api/v1/me', undefined, key);
      if (me.role !== 'moderator' && me.role !== 'admin') {
        error.textContent = `This is an ${me.role} key; the console needs a moderator or admin key.`;
        return;
      }
      sessionStorage.setItem(KEY_STORE, key);
      session.me = me;
      start();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401
        ? 'Invalid API key: it is unknown or has been revoked.' : `Sign-in failed: ${errorText(e)}`;
    }
  });
  render(form);
  input.focus();
}

const PAGES = [
  { hash: '#/queue', label: 'Queue', admin: false },
  { hash: '#/audit', label: 'Audit log', admin: false },
  { hash: '#/stats', label: 'Stats', admin: false },
  { hash: '#/policy', label: 'Policy', admin: true },
  { hash: '#/keys', label: 'API keys', admin: true },
  { hash: '#/webhooks', label: 'Webhooks', admin: true },
];

function drawChrome() {
  const isAdmin = session.me.role === 'admin';
  const nav = document.getElementById('nav');
  nav.replaceChildren(...PAGES.filter(p => isAdmin || !p.admin)
    .map(p => el('a', { href: p.hash, class: location.hash.startsWith(p.hash) ? 'active' : '' }, p.label)));
  document.getElementById('whoami').replaceChildren(
    `${session.me.siteName} · ${session.me.role} (${session.me.label})`,
    el('button', { type: 'button', id: 'signout', onclick: () => signOut('Signed out.') }, 'Sign out'));
}

async function start() {
  if (!session.me) {
    try {
      session.me = await api('GET', '/api/v1/me');
    } catch (e) {
      signOut(e instanceof ApiError && e.status === 401 ? '' : `Cannot reach the service: ${errorText(e)}`);
      return;
    }
  }
  if (!location.hash || location.hash === '#') location.hash = '#/queue';
  else route();
}

function route() {
  if (!apiKey() || !session.me) return;
  queueKeys.active = false;
  drawChrome();
  const [, page, arg] = location.hash.split('/');
  const pages = { queue: showQueue, audit: showAudit, stats: showStats, author: showAuthor, policy: showPolicy,
    keys: showKeys, webhooks: showWebhooks };
  const show = pages[page] || showQueue;
  Promise.resolve(show(arg ? decodeURIComponent(arg) : undefined))
    .catch(e => render(el('p', { class: 'error', role: 'alert' }, errorText(e))));
}

window.addEventListener('hashchange', route);

// ---------------------------------------------------------------------------------------------------------------
// Highlighting

function hlClass(attribute) {
  if (attribute === 'profanity' || attribute === 'obscene') return 'hl-profanity';
  if (attribute === 'spam') return 'hl-spam';
  if (['toxicity', 'severe_toxicity', 'insult', 'threat', 'identity_attack'].includes(attribute)) return 'hl-toxicity';
  return 'hl-other';
}

/**
 * The comment text with its spans marked. Spans are UTF-16 offsets into the original text, which is exactly how
 * JavaScript strings index, so slice() cuts them as the scorers meant. Overlapping spans (a profane word inside a
 * toxic sentence) are split at every boundary and each piece lists every span that covers it.
 */
function highlighted(text, spans) {
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

function isSevere(comment) {
  const scores = comment.scores || {};
  return SEVERE_ATTRIBUTES.some(a => (scores[a] ?? 0) >= SEVERE_SCORE)
    || (comment.spans || []).some(s => s.severity === 'slur');
}

function scoreTable(scores) {
  const rows = Object.entries(scores || {}).filter(([, v]) => v !== null && v !== undefined)
    .sort((a, b) => b[1] - a[1]);
  return el('table', { class: 'scores' }, rows.map(([k, v]) => el('tr', {},
    el('td', {}, k), el('td', {}, v.toFixed(2)),
    el('td', {}, el('div', { class: `bar${v >= 0.7 ? ' high' : ''}` },
      el('i', { style: `width:${Math.round(Math.min(1, Math.max(0, v)) * 100)}%` }))))));
}

// ---------------------------------------------------------------------------------------------------------------
// Queue

const queueState = {
  filters: { status: 'open', sort: 'priority' },
  items: [], nextCursor: null, selected: 0, checked: new Set(), notes: new Map(), revealed: new Set(),
  recent: [], // decisions made in this tab, newest first, for undo
};
const queueKeys = { active: false };

async function showQueue() {
  const f = queueState.filters;
  const field = (name, label, input) => el('label', {}, label, input);
  const text = (name, placeholder) => el('input', { name, value: f[name] || '', placeholder });
  const select = (name, options) => el('select', { name },
    options.map(o => el('option', { value: o, selected: (f[name] || '') === o }, o || 'any')));
  const form = el('form', { class: 'filters', id: 'filters' },
    field('status', 'Status', select('status', ['open', 'unclaimed', 'claimed', 'escalated', 'decided', 'all'])),
    field('sort', 'Sort', select('sort', ['priority', 'oldest', 'newest'])),
    field('reason', 'Reason', text('reason', 'e.g. toxicity.review')),
    field('article', 'Article', text('article', 'external id')),
    field('author', 'Author', text('author', 'external id')),
    field('attribute', 'Attribute', select('attribute', ['', ...ATTRIBUTES])),
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
function closestSentences(c) {
  const sentences = (c.details && c.details.off_topic && c.details.off_topic.closestSentences) || [];
  if (!sentences.length) return null;
  return el('div', { class: 'closest' }, el('span', { class: 'muted' }, 'Closest article sentences:'),
    el('ol', {}, sentences.map(s => {
      const measure = s.similarity != null ? `similarity ${Number(s.similarity).toFixed(2)}`
        : s.wordOverlap != null ? `word overlap ${Number(s.wordOverlap).toFixed(2)}` : '';
      return el('li', {}, String(s.text || ''), measure ? el('span', { class: 'muted' }, ` (${measure})`) : null);
    })));
}

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

async function act(fn) {
  try {
    return await fn();
  } catch (e) {
    toast(errorText(e));
    return null;
  }
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

function approve(item) {
  return decide(item, 'approve', 'acceptable');
}

function escalate(item) {
  return decide(item, 'escalate', 'needs_senior');
}

function reasonDialog(title, reasons, onSubmit) {
  const reason = el('select', { name: 'reason', id: 'reason-select' },
    reasons.map(r => el('option', { value: r }, r)));
  const note = el('textarea', { name: 'note', id: 'reason-note', placeholder: 'Note (required for “other”)' });
  const error = el('p', { class: 'error' });
  const dialog = el('dialog', { id: 'reason-dialog' },
    el('form', { method: 'dialog' },
      el('h2', {}, title),
      el('label', {}, 'Reason', reason),
      el('label', {}, 'Note', note),
      error,
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary', id: 'reason-confirm', value: 'ok' }, 'Confirm'),
        el('button', { type: 'submit', value: 'cancel' }, 'Cancel'))));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'ok') onSubmit(reason.value, note.value);
    dialog.remove();
  });
  dialog.querySelector('form').addEventListener('submit', (ev) => {
    if (ev.submitter && ev.submitter.value === 'ok' && reason.value === 'other' && !note.value.trim()) {
      ev.preventDefault();
      error.textContent = 'The reason “other” needs a note.';
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}

function rejectDialog(item) {
  const reasons = REASON_CODES.filter(r => !APPROVE_REASONS.includes(r) && r !== 'needs_senior');
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
  if (action === 'approve') reasonDialog(`Approve ${ids.length} item(s)`, APPROVE_REASONS, run);
  else reasonDialog(`Reject ${ids.length} item(s)`, REASON_CODES.filter(r => !APPROVE_REASONS.includes(r)), run);
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

function helpDialog() {
  if (document.getElementById('help-dialog')) return;
  const rows = [['j / k', 'next / previous item'], ['c', 'claim'], ['a', 'approve (acceptable)'],
    ['r', 'reject with a reason'], ['e', 'escalate'], ['n', 'write a note'], ['x', 'select for bulk'],
    ['u', 'undo your last decision'], ['?', 'this help']];
  const dialog = el('dialog', { id: 'help-dialog' }, el('h2', {}, 'Keyboard shortcuts'),
    el('table', { class: 'list' }, rows.map(([k, d]) => el('tr', {}, el('td', {}, el('kbd', {}, k)), el('td', {}, d)))),
    el('form', { method: 'dialog' }, el('button', { type: 'submit' }, 'Close')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

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
    '?': helpDialog,
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

// ---------------------------------------------------------------------------------------------------------------
// Authors

async function showAuthor(id) {
  const author = await api('GET', `/api/v1/authors/${encodeURIComponent(id)}`);
  const action = el('select', { name: 'action', id: 'sanction-action' },
    ['ban', 'unban', 'suspend', 'unsuspend', 'premoderate', 'unpremoderate', 'trust', 'untrust', 'lift']
      .map(a => el('option', { value: a }, a)));
  const until = el('input', { type: 'datetime-local', name: 'until' });
  const reason = el('input', { name: 'reason', placeholder: 'Why (kept in the audit log)', required: true });
  const error = el('p', { class: 'error' });
  const form = el('form', { class: 'panel form', id: 'sanction-form' }, el('h2', {}, 'Sanction'),
    el('label', {}, 'Action ', action), el('label', {}, 'Until (for suspend) ', until),
    el('label', {}, 'Reason ', reason), el('button', { type: 'submit', class: 'primary' }, 'Apply'), error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { action: action.value, reason: reason.value };
    if (until.value) body.until = new Date(until.value).toISOString();
    try {
      await api('POST', `/api/v1/authors/${encodeURIComponent(id)}`, body);
      toast(`Applied ${action.value} to ${id}.`);
      showAuthor(id);
    } catch (e) {
      error.textContent = errorText(e);
    }
  });
  const facts = Object.entries(author).filter(([, v]) => v === null || typeof v !== 'object');
  const nested = Object.entries(author).filter(([, v]) => v !== null && typeof v === 'object');
  render(el('h1', {}, `Author ${author.name || author.id}`),
    el('div', { class: 'grid2' },
      el('div', { class: 'panel' }, el('h2', {}, 'History'),
        el('table', { class: 'list', id: 'author-facts' }, facts.map(([k, v]) =>
          el('tr', {}, el('th', {}, k), el('td', {}, v === null ? '–' : String(v))))),
        nested.map(([k, v]) => el('div', {}, el('h2', {}, k), jsonTable(v))),
        el('p', {}, el('a', { href: '#/queue', onclick: () => { queueState.filters = { status: 'all', author: id }; } },
          'Their comments in the queue'))),
      form));
}

/** A plain table for an array of objects (or one object): keys become columns, values text. */
function jsonTable(value) {
  const rows = Array.isArray(value) ? value : [value];
  if (!rows.length) return el('p', { class: 'muted' }, 'none');
  if (typeof rows[0] !== 'object' || rows[0] === null) return el('p', {}, rows.join(', '));
  const cols = [...new Set(rows.flatMap(r => Object.keys(r)))];
  return el('table', { class: 'list' }, el('tr', {}, cols.map(c => el('th', {}, c))),
    rows.map(r => el('tr', {}, cols.map(c => el('td', {}, cell(r[c]))))));
}

function cell(v) {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Audit log

async function showAudit() {
  const commentId = el('input', { name: 'commentId', placeholder: 'comment id' });
  const actor = el('input', { name: 'actor', placeholder: 'actor' });
  const list = el('div', { id: 'audit-list' });
  let cursor = null;
  const load = async (more) => {
    const page = await api('GET', '/api/v1/audit' + query({ commentId: commentId.value, actor: actor.value,
      cursor: more ? cursor : undefined, limit: 100 }));
    cursor = page.nextCursor;
    const rows = page.items.map(e => el('tr', {}, el('td', {}, fmtTime(e.createdAt)), el('td', {}, e.actor),
      el('td', {}, e.action), el('td', {}, e.reason || ''), el('td', {}, e.note || ''),
      el('td', {}, e.commentId || ''), el('td', {}, cell(e.after && (e.after.status || e.after.state)))));
    if (!more) list.replaceChildren(el('table', { class: 'list' }, el('tr', {},
      ['When', 'Actor', 'Action', 'Reason', 'Note', 'Comment', 'After'].map(h => el('th', {}, h))), rows));
    else list.querySelector('table').append(...rows);
    more_.hidden = !cursor;
  };
  const more_ = el('button', { type: 'button', hidden: true, onclick: () => load(true) }, 'Load more');
  const form = el('form', { class: 'filters' }, commentId, actor, el('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(false); });
  render(el('h1', {}, 'Audit log'), form, list, more_);
  await load(false);
}

// ---------------------------------------------------------------------------------------------------------------
// Stats

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
      el('div', { class: 'panel' }, el('h2', {}, 'Open queue'), queueChart(s)));
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

// ---------------------------------------------------------------------------------------------------------------
// Admin: policy with a dry run before saving

async function showPolicy() {
  const site = session.me.siteId;
  const current = await api('GET', `/api/v1/sites/${site}/policy`);
  const o = current.overrides || {};
  const eff = current.effective || {};
  const lines = (list) => (list || []).join('\n');
  const num = (name, value, placeholder) => el('input', { name, type: 'number', step: '0.01', min: 0, max: 1,
    value: value ?? '', placeholder: placeholder ?? 'default', style: 'width:6rem' });
  const thresholdRows = ATTRIBUTES.filter(a => a !== 'off_topic').map(a => {
    const t = (o.thresholds || {})[a] || {};
    const d = (eff.thresholds || {})[a] || {};
    return el('tr', {}, el('td', {}, a), el('td', {}, num(`${a}.review`, t.review, d.review)),
      el('td', {}, num(`${a}.reject`, t.reject, d.reject)));
  });
  const enumSelect = (name, values, value) => el('select', { name },
    ['', ...values].map(v => el('option', { value: v, selected: (value || '') === v }, v || 'default')));
  const form = el('form', { class: 'panel form', id: 'policy-form' },
    el('p', { class: 'muted' }, `Version ${current.version}. Blank fields use the service defaults (shown greyed).`),
    el('label', {}, 'Mode ', enumSelect('mode', ['POST_MODERATION', 'PRE_MODERATE_ALL', 'PRE_MODERATE_NEW_AUTHORS',
      'PRE_MODERATE_LINKS'], o.mode)),
    el('h2', {}, 'Thresholds'),
    el('table', { class: 'list' }, el('tr', {}, el('th', {}, 'attribute'), el('th', {}, 'review at'),
      el('th', {}, 'reject at')), thresholdRows),
    el('div', { class: 'grid2' },
      el('label', {}, 'Block terms (one a line)', el('textarea', { name: 'blockTerms', value: lines(o.blockTerms) })),
      el('label', {}, 'Review terms', el('textarea', { name: 'reviewTerms', value: lines(o.reviewTerms) })),
      el('label', {}, 'Censor terms', el('textarea', { name: 'censorTerms', value: lines(o.censorTerms) })),
      el('label', {}, 'Allow terms', el('textarea', { name: 'allowTerms', value: lines(o.allowTerms) }))),
    el('label', {}, 'Off-topic threshold ', num('offTopicThreshold', o.offTopicThreshold, eff.offTopicThreshold)),
    el('label', {}, 'Off-topic action ', enumSelect('offTopicAction', ['PUBLISH', 'REVIEW', 'REJECT'], o.offTopicAction)),
    el('label', {}, 'Languages (main first, comma-separated) ', el('input', { name: 'languages',
      value: (o.languages || []).join(', '), placeholder: (eff.languages || []).join(', ') || 'default' })),
    el('label', {}, 'Unsupported language action ', enumSelect('unsupportedLanguageAction',
      ['PUBLISH', 'REVIEW', 'REJECT'], o.unsupportedLanguageAction)),
    el('label', {}, 'Scorer failure ', enumSelect('scorerFailureAction', ['FAIL_OPEN', 'FAIL_CLOSED'], o.scorerFailureAction)),
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
        el('p', {}, `${r.evaluated} recent comments re-evaluated, ${r.changed} would change.`),
        el('p', {}, `Before: ${fmtCounts(r.before)} · after: ${fmtCounts(r.after)}`),
        r.changes.length ? jsonTable(r.changes.map(c => ({ comment: c.externalId, before: c.before, after: c.after,
          reasons: (c.reasonsAfter || []).join(', ') }))) : null));
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
  render(el('h1', {}, 'Site policy'), form, report);
}

function fmtCounts(m) {
  return Object.entries(m || {}).map(([k, v]) => `${k} ${v}`).join(', ') || '–';
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

// ---------------------------------------------------------------------------------------------------------------
// Admin: API keys

async function showKeys() {
  const site = session.me.siteId;
  const keys = await api('GET', `/api/v1/sites/${site}/keys`);
  const role = el('select', { name: 'role' }, ['moderator', 'ingest', 'admin'].map(r => el('option', { value: r }, r)));
  const label = el('input', { name: 'label', placeholder: 'label, e.g. alice', required: true });
  const issued = el('div', { id: 'issued-key' });
  const form = el('form', { class: 'filters' }, role, label, el('button', { type: 'submit', class: 'primary' }, 'Issue key'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const k = await api('POST', `/api/v1/sites/${site}/keys`, { role: role.value, label: label.value });
      await showKeys();
      document.getElementById('issued-key').replaceChildren(el('div', { class: 'panel' },
        el('p', {}, `New ${k.role} key “${k.label}”. Copy it now: it is never shown again.`),
        el('div', { class: 'secret' }, k.key)));
    } catch (e) {
      issued.replaceChildren(el('p', { class: 'error' }, errorText(e)));
    }
  });
  const rows = keys.map(k => el('tr', {}, el('td', {}, k.label), el('td', {}, k.role), el('td', {}, `${k.prefix}…`),
    el('td', {}, fmtTime(k.createdAt)), el('td', {}, fmtTime(k.lastUsedAt)),
    el('td', {}, k.revokedAt ? `revoked ${fmtTime(k.revokedAt)}` : k.id === session.me.keyId ? 'this key'
      : el('button', { type: 'button', class: 'reject', onclick: async () => {
        if (!confirm(`Revoke the key “${k.label}”? Anything using it stops working at once.`)) return;
        if (await act(() => api('DELETE', `/api/v1/sites/${site}/keys/${k.id}`))) showKeys();
      } }, 'Revoke'))));
  render(el('h1', {}, 'API keys'), form, issued, el('table', { class: 'list', id: 'keys' },
    el('tr', {}, ['Label', 'Role', 'Prefix', 'Created', 'Last used', ''].map(h => el('th', {}, h))), rows));
}

// ---------------------------------------------------------------------------------------------------------------
// Admin: webhooks and deliveries

async function showWebhooks(id) {
  const hooks = await api('GET', '/api/v1/webhooks');
  const url = el('input', { name: 'url', type: 'url', placeholder: 'https://…', required: true, style: 'width:22rem' });
  const types = EVENT_TYPES.map(t => el('label', {}, el('input', { type: 'checkbox', value: t, checked: true }), ` ${t} `));
  const created = el('div');
  const form = el('form', { class: 'panel form' }, el('h2', {}, 'New endpoint'), url, el('div', {}, types),
    el('button', { type: 'submit', class: 'primary' }, 'Create'), created);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const eventTypes = types.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value);
    try {
      const answer = await api('POST', '/api/v1/webhooks', { url: url.value, eventTypes });
      await showWebhooks();
      document.getElementById('app').append(el('div', { class: 'panel' },
        el('p', {}, 'Signing secret (shown only now):'), el('div', { class: 'secret' }, answer.secret)));
    } catch (e) {
      created.replaceChildren(el('p', { class: 'error' }, errorText(e)));
    }
  });
  const rows = hooks.map(h => el('tr', {}, el('td', {}, h.url), el('td', {}, (h.eventTypes || []).join(', ')),
    el('td', {}, h.deleted ? 'deleted' : h.active ? 'active' : `disabled: ${h.disabledReason || ''}`),
    el('td', {}, String(h.consecutiveFailures)),
    el('td', {}, el('a', { href: `#/webhooks/${h.id}` }, 'Deliveries'), ' ',
      !h.active && !h.deleted ? el('button', { type: 'button', onclick: async () => {
        if (await act(() => api('POST', `/api/v1/webhooks/${h.id}/enable`))) showWebhooks(id);
      } }, 'Enable') : null, ' ',
      !h.deleted ? el('button', { type: 'button', class: 'reject', onclick: async () => {
        if (!confirm('Delete this endpoint for good?')) return;
        if (await act(() => api('DELETE', `/api/v1/webhooks/${h.id}`))) showWebhooks(id);
      } }, 'Delete') : null)));
  const deliveries = el('div');
  if (id) {
    const list = await api('GET', `/api/v1/webhooks/${encodeURIComponent(id)}/deliveries${query({ limit: 100 })}`);
    deliveries.append(el('h2', {}, 'Delivery log'), jsonTable(list.map(d => ({ event: d.eventType, status: d.status,
      attempts: d.attempts, lastStatus: d.lastStatus, lastError: d.lastError, created: fmtTime(d.createdAt),
      delivered: fmtTime(d.deliveredAt), next: fmtTime(d.nextAttemptAt) }))));
  }
  render(el('h1', {}, 'Webhooks'), form, el('table', { class: 'list', id: 'webhooks' },
    el('tr', {}, ['URL', 'Events', 'State', 'Failures', ''].map(h => el('th', {}, h))), rows), deliveries);
}

// ---------------------------------------------------------------------------------------------------------------

if (apiKey()) start();
else showSignIn();
