// Admin: the site's API keys: issue (the secret is shown once), list, revoke. Roles come from the vocabulary.

import { act, api, errorText, session, vocabulary } from '../lib/api.js';
import { el, fmtTime, options, pageRender } from '../lib/dom.js';

const render = pageRender('keys');

async function showKeys() {
  const site = session.me.siteId;
  const [keys, words] = await Promise.all([api('GET', `/api/v1/sites/${site}/keys`), vocabulary()]);
  // The console is for moderators: a new key is a moderator key unless the admin picks another role.
  const role = el('select', { name: 'role' }, options(words.keyRoles, 'moderator'));
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

export default {
  path: 'keys',
  label: 'API keys',
  admin: true,
  show: showKeys,
};
