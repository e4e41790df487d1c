// The site's audit log, filtered by comment and actor, with cursor pages.

import { api, query } from '../lib/api.js';
import { cell, el, fmtTime, pageRender } from '../lib/dom.js';

const render = pageRender('audit');

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

export default {
  path: 'audit',
  label: 'Audit log',
  admin: false,
  show: showAudit,
};
