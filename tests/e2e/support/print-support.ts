import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '../../../api/contract';
import type { Result } from '../../../api/result';
import { root, type Host, type WatchedPage } from './host';
import type { AccountData, OfficeData } from './pages';

/**
 * Support for the printed-document tests: API calls with a session cookie (to arrange an office and
 * its reports without the interface), a page on a UTC clock, and poppler-utils to read the
 * PDF back (pdftotext, pdffonts, pdfinfo, pdftoppm).
 */

export const printDir = join(root, 'test-output', 'print');

/** Calls to the browser host as one client: the session cookie the host sets is sent back. */
export class ApiClient {
  private cookie = '';

  constructor(private readonly host: Host) {}

  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await fetch(`${this.host.url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-So-Antt': '1', ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: JSON.stringify(input),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const result = (await response.json()) as Result<CallOutput<N>>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
}

/** Sets up the office with its administrator and logs the client in as that administrator. */
export async function setUpOffice(host: Host, office: OfficeData, admin: AccountData): Promise<ApiClient> {
  const api = new ApiClient(host);
  await api.call('setup.create', {
    office: { name: office.name, code: office.code, level: 'commune', parentName: office.parentName, parentCode: office.parentCode },
    localities: [...office.localities],
    admin: { ...admin, passwordConfirm: admin.password },
  });
  await api.call('auth.login', { username: admin.username, password: admin.password });
  return api;
}

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
