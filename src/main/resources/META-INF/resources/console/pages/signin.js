// Sign-in: a pasted moderator or admin key, checked with GET /api/v1/me and kept in this tab only.

import { ApiError, api, errorText, keepKey } from '../lib/api.js';
import { el, render } from '../lib/dom.js';

/** Shows the sign-in form; onSignedIn runs once a moderator or admin key is accepted. */
export function showSignIn(message, onSignedIn) {
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
      keepKey(key, me);
      onSignedIn();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401
        ? 'Invalid API key: it is unknown or has been revoked.' : `Sign-in failed: ${errorText(e)}`;
    }
  });
  render(form);
  input.focus();
}
