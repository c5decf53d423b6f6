import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../api/result';
import { MAIN_SCREEN_SCRIPT, PRINTED_TEXT_SCRIPT, runSmoke, SMOKE_OFFICE, type PrintedDocument, type SmokePrinter, type SmokeTransport } from '../../electron/smoke';
import { ensureRendererBuilt, launchBrowser, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { flatText, pdfText, printDir } from './support/print-support';

/**
 * The smoke sequence of `--smoke-test` (electron/smoke.ts) against the real interface in Chromium,
 * the browser host standing in for the Electron window: calls made from inside the page (as the shell
 * makes them through window.api), the print route loaded afresh and read with the same script the
 * shell runs, and the PDF printed by Chromium. It proves that the smoke run's checks hold for the
 * receipt record the interface really prints; poppler reads the PDF back to confirm what the page said.
 */

describe('the smoke run on the real interface', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    browser = await launchBrowser();
    watched = await openPage(browser);
    await watched.page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('passes, and the PDF says what the page said', async () => {
    const { page } = watched;
    const transport: SmokeTransport = {
      call: (name, input) =>
        page.evaluate(
          async ({ name, input }) => {
            const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-So-Antt': '1' }, body: JSON.stringify(input) });
            return (await response.json()) as Result<never>;
          },
          { name, input: input as unknown },
        ),
    };
    let printed: PrintedDocument | null = null;
    const printer: SmokePrinter = {
      async print(route) {
        // As electron/smoke-shell.ts does: reload, wait for the main screen, open the route.
        await page.reload();
        await page.evaluate(MAIN_SCREEN_SCRIPT);
        await page.evaluate((hash) => (window.location.hash = hash), route);
        const text = (await page.evaluate(PRINTED_TEXT_SCRIPT)) as string;
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
        printed = { text, pdf };
        return printed;
      },
    };
    const lines: string[] = [];
    expect(await runSmoke({ transport, printer, log: (line) => lines.push(line) }), lines.join('\n')).toBe(true);
    await watched.screenshot('smoke-receipt');

    mkdirSync(printDir, { recursive: true });
    const file = join(printDir, 'smoke-receipt.pdf');
    writeFileSync(file, (printed as PrintedDocument | null)?.pdf ?? new Uint8Array());
    const text = flatText(pdfText(file));
    expect(text).toContain(SMOKE_OFFICE.name.toUpperCase());
    expect(text).toContain('Số: 01/');
    expect(text).toContain('Tố giác trộm cắp xe máy tại chợ Kiểm Thử');
    expect(watched.errors).toEqual([]);
  });
});
