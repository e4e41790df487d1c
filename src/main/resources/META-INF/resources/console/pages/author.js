// An author's history and sanctions, and a form to sanction them; the actions come from GET /api/v1/vocabulary.

import { api, errorText, query, vocabulary } from '../lib/api.js';
import { el, jsonTable, pageRender, toast } from '../lib/dom.js';

const render = pageRender('author');

async function showAuthor(id) {
  const [author, words] = await Promise.all([api('GET', `/api/v1/authors/${encodeURIComponent(id)}`), vocabulary()]);
  const action = el('select', { name: 'action', id: 'sanction-action' },
    words.sanctionActions.map(a => el('option', { value: a }, a)));
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
        el('p', {}, el('a', { href: `#/queue${query({ status: 'all', author: id })}` },
          'Their comments in the queue'))),
      form));
}

export default {
  path: 'author',
  admin: false,
  show: ({ arg }) => showAuthor(arg),
};
