// Modal dialogs of the queue: a reason (and note) for a decision, and the keyboard shortcuts.

import { el } from '../lib/dom.js';

/** Asks for one of reasons and a note; onSubmit(reason, note) runs on Confirm. "other" needs a note. */
export function reasonDialog(title, reasons, onSubmit) {
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

/** Lists the shortcuts: rows of [key, what it does]. */
export function helpDialog(rows) {
  if (document.getElementById('help-dialog')) return;
  const dialog = el('dialog', { id: 'help-dialog' }, el('h2', {}, 'Keyboard shortcuts'),
    el('table', { class: 'list' }, rows.map(([k, d]) => el('tr', {}, el('td', {}, el('kbd', {}, k)), el('td', {}, d)))),
    el('form', { method: 'dialog' }, el('button', { type: 'submit' }, 'Close')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
