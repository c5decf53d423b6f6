import { translate, type Lang } from '../i18n';

/**
 * Never lose what was typed: every form with changes not saved (useForm registers itself here) asks
 * before the page is left. Three ways out are covered:
 *  - in-app links and the back button: the hash changes; a listener registered before the router's
 *    asks, and if the user stays it puts the address back before the router sees it;
 *  - reload or closing the tab: beforeunload, which Chromium turns into its own question;
 *  - closing the Electron window: the same beforeunload, answered by the shell's native dialog
 *    (electron/leave-guard.ts).
 */

/** A form's "has unsaved changes" test, and whether it keeps a draft of them (useForm's draftKey). */
interface Guard {
  readonly isDirty: () => boolean;
  readonly drafted: boolean;
}

const guards = new Map<number, Guard>();
let nextId = 0;

/** Registers a form's test; returns the function that removes it. */
export function registerLeaveGuard(isDirty: () => boolean, options: { readonly drafted: boolean }): () => void {
  const id = nextId++;
  guards.set(id, { isDirty, drafted: options.drafted });
  return () => {
    guards.delete(id);
  };
}

const dirtyGuards = (): Guard[] => [...guards.values()].filter((guard) => guard.isDirty());

export function hasUnsavedChanges(): boolean {
  return dirtyGuards().length > 0;
}

const lang = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'vi');

/**
 * Asks whether to leave when a form has unsaved changes; true when there is nothing to lose. The
 * question says a draft is kept only when every changed form keeps one.
 */
export function confirmLeave(): boolean {
  const dirty = dirtyGuards();
  if (dirty.length === 0) return true;
  return window.confirm(translate(lang(), dirty.every((guard) => guard.drafted) ? 'form.leaveConfirmDrafted' : 'form.leaveConfirm'));
}

const hashPath = () => window.location.hash.replace(/^#/, '') || '/';

let installed = false;

/** Installs the hashchange and beforeunload listeners, once, before the router subscribes. */
export function installLeaveGuard(): void {
  if (installed) return;
  installed = true;
  let shown = hashPath();
  window.addEventListener('hashchange', (event) => {
    const next = hashPath();
    if (next === shown) return;
    if (!confirmLeave()) {
      // Staying: the address goes back to the form's, and the router never hears of the change.
      event.stopImmediatePropagation();
      window.history.replaceState(window.history.state, '', `#${shown}`);
      return;
    }
    shown = next;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older engines need returnValue set to show their question.
    event.returnValue = '';
  });
}
