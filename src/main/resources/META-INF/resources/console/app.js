// Commentguard moderator console: a thin client over the REST API, with no build step and no third-party code.
// This main module signs in, draws the menu and routes #/<page>[/<arg>][?<params>] to the page modules.
//
// ADDING A PAGE: write pages/<name>.js whose default export is
//   { path: '<name>', label: 'Menu label', admin: false, show({ arg, params }), leave() }
// (label: omit for a page reached only by links; admin: true for admin keys only; show draws into #app with
// lib/dom.js's render() and may be async; leave, optional, runs before another page is shown), then add its file to
// PAGE_MODULES below: that one line registers it, and its place there is its place in the menu. Pages call the API
// through lib/api.js, which also serves the service's vocabularies (reason codes, attributes, event types, ...).
//
// Modules: lib/api.js and lib/dom.js are shared; pages/ holds one module per page (pages/signin.js is shown before
// any key is known); panels/ holds parts of pages (the comment with its highlights, dialogs).

import { ApiError, api, apiKey, errorText, forgetKey, onUnauthorized, session } from './lib/api.js';
import { el, render, showingPage } from './lib/dom.js';
import { showSignIn } from './pages/signin.js';

const PAGE_MODULES = [
  './pages/queue.js',
  './pages/samples.js',
  './pages/audit.js',
  './pages/stats.js',
  './pages/policy.js',
  './pages/keys.js',
  './pages/webhooks.js',
  './pages/author.js',
];

const PAGES = (await Promise.all(PAGE_MODULES.map(m => import(m)))).map(m => m.default);
let current = null;

function signOut(message) {
  forgetKey();
  showingPage(null);
  location.hash = '';
  showSignIn(message, start);
}

onUnauthorized(signOut);

function drawChrome() {
  const isAdmin = session.me.role === 'admin';
  const nav = document.getElementById('nav');
  nav.replaceChildren(...PAGES.filter(p => p.label && (isAdmin || !p.admin)).map(p => {
    const hash = `#/${p.path}`;
    return el('a', { href: hash, class: location.hash.startsWith(hash) ? 'active' : '' }, p.label);
  }));
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
  if (!location.hash || location.hash === '#') location.hash = `#/${PAGES[0].path}`;
  else route();
}

/** Shows the page the hash names (the first page for an unknown one): #/<path>[/<arg>][?<params>]. */
function route() {
  if (!apiKey() || !session.me) return;
  current?.leave?.();
  drawChrome();
  const [where, search] = location.hash.slice(1).split('?');
  const [, path, arg] = where.split('/');
  const page = PAGES.find(p => p.path === path) || PAGES[0];
  current = page;
  showingPage(page.path);
  Promise.resolve(page.show({ arg: arg ? decodeURIComponent(arg) : undefined, params: new URLSearchParams(search) }))
    .catch(e => {
      if (current === page) render(el('p', { class: 'error', role: 'alert' }, errorText(e)));
    });
}

window.addEventListener('hashchange', route);

if (apiKey()) start();
else showSignIn('', start);
