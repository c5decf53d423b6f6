import type { WebContents } from 'electron';
import type { Result } from '../api/result';
import type { PrintedDocument, SmokePrinter, SmokeTransport } from './smoke';

/**
 * The Electron side of the smoke run (electron/smoke.ts): calls made from inside the window, through
 * the preload's window.api and the IPC transport exactly as the interface makes them, and printing a
 * print route of the interface with webContents.printToPDF. Used only with `--smoke-test`.
 */

/** Waits until the window's current page has finished loading. */
export function whenLoaded(contents: WebContents): Promise<void> {
  if (!contents.isLoading()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    contents.once('did-finish-load', () => resolve());
    contents.once('did-fail-load', (_event, code, description) => reject(new Error(`the interface did not load: ${code} ${description}`)));
  });
}

export function windowTransport(contents: WebContents): SmokeTransport {
  return {
    call: async (name, input) => {
      await whenLoaded(contents);
      return (await contents.executeJavaScript(`window.api.invoke(${JSON.stringify(name)}, ${JSON.stringify(input)})`)) as Result<never>;
    },
  };
}

/**
 * Resolves with the page's text once the print screen says its document is ready (aria-busy="false"
 * on the print canvas, renderer/print/print-screen.tsx) and its fonts are loaded; gives up after a
 * minute of waiting for a document that does not come.
 */
const DOCUMENT_TEXT = `new Promise((resolve, reject) => {
  const started = Date.now();
  const tick = () => {
    const canvas = document.querySelector('main.print-canvas');
    if (canvas && canvas.getAttribute('aria-busy') === 'false') {
      document.fonts.ready.then(() => resolve(document.body.innerText));
    } else if (Date.now() - started > 60000) {
      reject(new Error('the print document did not become ready: ' + document.body.innerText.slice(0, 300)));
    } else {
      setTimeout(tick, 100);
    }
  };
  tick();
})`;

export function windowPrinter(contents: WebContents): SmokePrinter {
  return {
    async print(route): Promise<PrintedDocument> {
      // A full load of the route, so the interface starts afresh with the session the calls logged in.
      await whenLoaded(contents);
      await contents.executeJavaScript(`window.location.hash = ${JSON.stringify(route)}`);
      const loaded = new Promise<void>((resolve) => contents.once('did-finish-load', () => resolve()));
      contents.reload();
      await loaded;
      const text = (await contents.executeJavaScript(DOCUMENT_TEXT)) as string;
      // As paper prints: the document's own page size (A4, CSS @page), no backgrounds.
      const pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: false });
      return { text, pdf };
    },
  };
}
