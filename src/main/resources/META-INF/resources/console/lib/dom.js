// DOM helpers shared by every page.
//
// SECURITY: every string that comes from the API (comment text, names, titles, reasons, errors) is put into the
// page with text nodes only: el() never sets innerHTML, so markup in a comment stays visible text.

/** Creates an element; strings among the children become text nodes, never markup. */
export function el(tag, props = {}, ...children) {
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

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

export const $app = () => document.getElementById('app');

/** Replaces the page's content. */
export function render(...children) {
  $app().replaceChildren();
  append($app(), children);
}

// The page the router shows now. A page's pending calls can finish after the user has moved on (a key revoked,
// then the author page opened before the list reloaded): what they would draw then is dropped, not drawn over the
// new page.
let shownPage = null;

/** The router says which page it shows now (its path). */
export function showingPage(path) {
  shownPage = path;
}

/** render() for the page at {@code path}: it draws only while that page is the one shown. */
export function pageRender(path) {
  return (...children) => {
    if (shownPage === path) render(...children);
  };
}

let toastTimer;
/** A short message at the bottom of the page, with an optional action button ({ label, run }). */
export function toast(message, action) {
  const t = document.getElementById('toast');
  t.replaceChildren(el('span', {}, message));
  if (action) t.append(el('button', { type: 'button', onclick: () => { t.hidden = true; action.run(); } }, action.label));
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, action ? 12000 : 4000);
}

export function fmtTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** A select of the given values; '' stands for "not set" and shows as blankLabel. */
export function options(values, selected, blankLabel) {
  return values.map(v => el('option', { value: v, selected: (selected || '') === v }, v || blankLabel));
}

/** A plain table for an array of objects (or one object): keys become columns, values text. */
export function jsonTable(value) {
  const rows = Array.isArray(value) ? value : [value];
  if (!rows.length) return el('p', { class: 'muted' }, 'none');
  if (typeof rows[0] !== 'object' || rows[0] === null) return el('p', {}, rows.join(', '));
  const cols = [...new Set(rows.flatMap(r => Object.keys(r)))];
  return el('table', { class: 'list' }, el('tr', {}, cols.map(c => el('th', {}, c))),
    rows.map(r => el('tr', {}, cols.map(c => el('td', {}, cell(r[c]))))));
}

export function cell(v) {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
