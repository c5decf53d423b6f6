import type { WebContents } from 'electron';
import type { Result } from '../api/result';
import { MAIN_SCREEN_SCRIPT, PRINTED_TEXT_SCRIPT, type PrintedDocument, type SmokePrinter, type SmokeTransport } from './smoke';

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

export function windowPrinter(contents: WebContents): SmokePrinter {
  return {
    async print(route): Promise<PrintedDocument> {
      // Reloaded, the interface finds the session the calls logged in and shows its main screen; then
      // the print route is opened as a link in the interface opens it.
      await whenLoaded(contents);
      const loaded = new Promise<void>((resolve) => contents.once('did-finish-load', () => resolve()));
      contents.reload();
      await loaded;
      await contents.executeJavaScript(MAIN_SCREEN_SCRIPT);
      await contents.executeJavaScript(`window.location.hash = ${JSON.stringify(route)}`);
      const text = (await contents.executeJavaScript(PRINTED_TEXT_SCRIPT)) as string;
      // As paper prints: the document's own page size (A4, CSS @page), no backgrounds.
      const pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: false });
      return { text, pdf };
    },
  };
}
