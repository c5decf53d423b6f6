import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';

/** Where typing goes: a key there is the user's text, never a shortcut (but for F1, Ctrl+S and Alt+N). */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The form a save belongs to: the one holding the focus, else the page's only form that is not a search. */
function formToSave(): HTMLFormElement | null {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
  if (active && active.getAttribute('role') !== 'search') return active;
  const forms = [...document.querySelectorAll<HTMLFormElement>('main form:not([role="search"])')];
  return forms.length === 1 ? (forms[0] ?? null) : null;
}

function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('main [role="search"] input:not([type="checkbox"]), main input[type="search"]');
  box?.focus();
  return box !== null;
}

const KEYS: readonly { readonly keys: string; readonly what: MessageKey }[] = [
  { keys: 'Alt+N', what: 'keys.newReport' },
  { keys: 'Ctrl+S', what: 'keys.save' },
  { keys: '/', what: 'keys.search' },
  { keys: 'Tab', what: 'keys.toList' },
  { keys: '↑ ↓ PageUp PageDown Home End', what: 'keys.rows' },
  { keys: 'Enter', what: 'keys.open' },
  { keys: '? F1', what: 'keys.help' },
  { keys: 'Esc', what: 'keys.close' },
];

/**
 * The keyboard shortcuts of the whole app (issue #18) and their help panel. Letters and "/" act only
 * outside fields, so typing is never taken; F1, Ctrl+S and Alt+N act everywhere.
 */
export function Shortcuts({ canWrite }: { readonly canWrite: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = inField(event.target);
      const ctrl = event.ctrlKey || event.metaKey;
      if (event.key === 'F1' || (event.key === '?' && !typing && !ctrl && !event.altKey)) {
        event.preventDefault();
        setOpen((was) => !was);
      } else if (event.key === 'Escape' && open) {
        setOpen(false);
      } else if (event.altKey && !ctrl && event.code === 'KeyN') {
        if (!canWrite) return;
        event.preventDefault();
        navigate('/reports/new');
      } else if (ctrl && !event.altKey && event.key.toLowerCase() === 's') {
        // The browser's "save page" never helps here; a form's own submit (with its checks) does.
        event.preventDefault();
        formToSave()?.requestSubmit();
      } else if (event.key === '/' && !typing && !ctrl && !event.altKey) {
        if (focusSearch()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite, open]);
  if (!open) return null;
  return (
    <section className="shortcut-help card" role="dialog" aria-modal="false" aria-labelledby="shortcut-help-title">
      <h2 id="shortcut-help-title">{t('keys.title')}</h2>
      <table className="table">
        <caption className="sr-only">{t('keys.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keys.keys')}</th>
            <th scope="col">{t('keys.what')}</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map((entry) => (
            <tr key={entry.keys}>
              <th scope="row">
                <kbd>{entry.keys}</kbd>
              </th>
              <td>{t(entry.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t('keys.closeButton')}
      </button>
    </section>
  );
}
