// Admin: webhook endpoints (create, delete, re-enable) and one endpoint's delivery log (#/webhooks/<id>). Event
// types come from GET /api/v1/vocabulary.

import { act, api, errorText, query, vocabulary } from '../lib/api.js';
import { $app, el, fmtTime, jsonTable, pageRender } from '../lib/dom.js';

const render = pageRender('webhooks');

async function showWebhooks(id) {
  const [hooks, words] = await Promise.all([api('GET', '/api/v1/webhooks'), vocabulary()]);
  const url = el('input', { name: 'url', type: 'url', placeholder: 'https://…', required: true, style: 'width:22rem' });
  const types = words.eventTypes.map(t => el('label', {}, el('input', { type: 'checkbox', value: t, checked: true }), ` ${t} `));
  const created = el('div');
  const form = el('form', { class: 'panel form' }, el('h2', {}, 'New endpoint'), url, el('div', {}, types),
    el('button', { type: 'submit', class: 'primary' }, 'Create'), created);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const eventTypes = types.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value);
    try {
      const answer = await api('POST', '/api/v1/webhooks', { url: url.value, eventTypes });
      await showWebhooks();
      $app().append(el('div', { class: 'panel' },
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

export default {
  path: 'webhooks',
  label: 'Webhooks',
  admin: true,
  show: ({ arg }) => showWebhooks(arg),
};
