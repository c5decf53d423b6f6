import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { root, type WatchedPage } from './host';

/**
 * Support for the printed-document tests: a page on a UTC clock, and poppler-utils to read the
 * PDF back (pdftotext, pdffonts, pdfinfo, pdftoppm).
 */

export const printDir = join(root, 'test-output', 'print');

/**
 * A page at 1280×800 watched for errors, on a machine whose clock is set to UTC: documents must still
 * show Vietnam time (the office's clock), so 09:30 in Vietnam is not printed as 02:30.
 */
export async function openPrintPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'UTC' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  mkdirSync(printDir, { recursive: true });
  const screenshot = async (name: string) => {
    await page.screenshot({ path: join(printDir, `${name}.png`), fullPage: true });
  };
  return { context, page, errors, screenshot };
}

/** Waits until the print screen shows its document with the fonts loaded ("In / Lưu PDF" enabled). */
export async function waitForDocument(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'In / Lưu PDF' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Prints the page as paper would (print media, the CSS page size, no backgrounds) to test-output/print. */
export async function printToPdf(page: Page, name: string): Promise<string> {
  mkdirSync(printDir, { recursive: true });
  const file = join(printDir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  return file;
}

const run = (command: string, args: readonly string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The PDF's text laid out as on the page; `page` limits it to one page. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', ...range, file, '-']);
}

/** The text with every run of white space (line breaks, layout columns) as one space. */
export function flatText(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export interface PdfInfo {
  readonly pages: number;
  /** Each page's width and height in points. */
  readonly sizes: readonly { readonly width: number; readonly height: number }[];
}

export function pdfInfo(file: string): PdfInfo {
  const first = run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(first)?.[1] ?? '0');
  const all = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  const sizes = [...all.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({ width: Number(match[1]), height: Number(match[2]) }));
  return { pages, sizes };
}

/** Names of the fonts embedded in the PDF (subset prefix removed), from pdffonts. */
export function pdfFonts(file: string): { readonly name: string; readonly embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: "emb" is the fifth column from the end.
      const embedded = columns[columns.length - 5] === 'yes';
      return { name: (columns[0] ?? '').replace(/^[A-Z]{6}\+/, ''), embedded };
    });
}

/** Renders one page as test-output/print/<name>-<page>.png at 60 dpi (to look at). */
export function renderPng(file: string, name: string, page = 1): string {
  const prefix = join(printDir, `${name}-${page}`);
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}
