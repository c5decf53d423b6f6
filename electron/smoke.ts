import { parseArgs } from 'node:util';
import type { CallInput, CallName, CallOutput } from '../api/contract';
import type { Result } from '../api/result';

/**
 * The app's own smoke test (`--smoke-test <empty folder>`): what CI runs against the Electron binary
 * and the packaged app, where a driver like Playwright cannot attach (the packaged app's fuses refuse
 * debugger switches). It sets up an office in the folder, logs in, records a report, prints its
 * receipt record to PDF and checks what was printed, then the shell exits with 0 or 1.
 *
 * The sequence is here, free of Electron: main.ts hands it a transport (calls through the window's
 * preload and IPC, as the interface makes them) and a printer (the print route loaded in the window,
 * its text read from the page, then webContents.printToPDF). tests/unit/electron-smoke.test.ts runs
 * it against the backend's dispatcher with a printer of its own.
 */

export interface SmokeTransport {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
}

/** A printed document: the text of the rendered page it was printed from, and the PDF. */
export interface PrintedDocument {
  readonly text: string;
  readonly pdf: Uint8Array;
}

export interface SmokePrinter {
  /** Loads a print route of the interface (e.g. /print/receipt/<id>) and prints it to PDF. */
  print(route: string): Promise<PrintedDocument>;
}

export interface SmokeOptions {
  readonly transport: SmokeTransport;
  readonly printer: SmokePrinter;
  /** One line per step, for the CI log. */
  readonly log: (line: string) => void;
}

export const SMOKE_SWITCH = '--smoke-test';

/** The folder after `--smoke-test` (or `--smoke-test=<folder>`), or null when the switch is absent. */
export function smokeFolder(argv: readonly string[]): string | null {
  // Not strict: the executable, the app folder and Chromium's own switches come along and are let be.
  const { tokens } = parseArgs({ args: [...argv], options: { [SMOKE_SWITCH.slice(2)]: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === 'option' && t.rawName === SMOKE_SWITCH);
  const folder = token?.kind === 'option' ? token.value : undefined;
  return folder && !folder.startsWith('--') ? folder : null;
}

export const SMOKE_OFFICE = Object.freeze({
  name: 'Công an xã Kiểm Thử',
  code: '99998',
  level: 'commune' as const,
  parentName: 'Công an tỉnh Thử Nghiệm',
  parentCode: '98',
});

export const SMOKE_ADMIN = Object.freeze({
  fullName: 'Nguyễn Văn Kiểm',
  rank: 'Thượng úy',
  position: 'Trưởng Công an xã',
  username: 'kiem.nv',
  password: 'Kiểm-thử-khói-2026!',
});

const SMOKE_SUMMARY = 'Tố giác trộm cắp xe máy tại chợ Kiểm Thử';

/** The receipt record's route (renderer/print/print-route.ts; electron/ does not import the renderer). */
export function receiptRoute(reportId: string): string {
  return `/print/receipt/${encodeURIComponent(reportId)}`;
}

/** What a PDF must look like: the header, the end-of-file marker, at least one page. */
export function pdfProblems(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const problems: string[] = [];
  if (!text.startsWith('%PDF-')) problems.push('it does not start with %PDF-');
  if (!text.slice(-1024).includes('%%EOF')) problems.push('it has no %%EOF at the end');
  if (!/\/Type\s*\/Page[^s]/.test(text)) problems.push('it has no page');
  return problems;
}

/** What the printed page must say: the office, the report's summary and its register number. */
export function textProblems(text: string, expected: { readonly officeName: string; readonly summary: string; readonly registerNo: number }): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const problems: string[] = [];
  if (!flat.includes(expected.officeName)) problems.push(`the office name "${expected.officeName}" is missing`);
  if (!flat.includes(expected.summary)) problems.push(`the summary "${expected.summary}" is missing`);
  const number = `Số: ${String(expected.registerNo).padStart(2, '0')}/`;
  if (!flat.includes(number)) problems.push(`the register number "${number}" is missing`);
  return problems;
}

/**
 * Resolves once the interface shows its main screen (the side navigation of renderer/layout/
 * main-layout.tsx, the address no longer #/setup or #/login): after a reload with a session the calls
 * logged in, the interface has found that session. Only then does a print route's address stay put;
 * on the setup or login screen the interface would send it back there.
 */
export const MAIN_SCREEN_SCRIPT = `new Promise((resolve, reject) => {
  const started = Date.now();
  const tick = () => {
    if (document.querySelector('nav.sidenav') && !['#/setup', '#/login'].includes(window.location.hash)) {
      resolve(true);
    } else if (Date.now() - started > 60000) {
      reject(new Error('the interface did not reach its main screen: ' + document.body.innerText.slice(0, 300)));
    } else {
      setTimeout(tick, 100);
    }
  };
  tick();
})`;

/**
 * Resolves with the page's text once the print screen says its document is ready (aria-busy="false"
 * on the print canvas, renderer/print/print-screen.tsx) and its fonts are loaded; gives up after a
 * minute of waiting for a document that does not come. A script run in the page (the shell runs it with
 * executeJavaScript; tests/e2e/smoke.test.ts with Playwright's evaluate).
 */
export const PRINTED_TEXT_SCRIPT = `new Promise((resolve, reject) => {
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

class SmokeFailure extends Error {}

/** Runs the sequence; true when every step passed. Never throws: a failure is logged and returns false. */
export async function runSmoke(options: SmokeOptions): Promise<boolean> {
  const { transport, printer, log } = options;
  const step = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await transport.call(name, input);
    if (!result.ok) throw new SmokeFailure(`${name}: ${result.error.code} ${result.error.message}`);
    log(`ok ${name}`);
    return result.value;
  };
  try {
    // Only ever on an empty folder: the smoke run must never touch an office's real register.
    const before = await step('setup.status', {});
    if (before.state !== 'new') throw new SmokeFailure('the folder already holds an office; give an empty folder');
    await step('setup.create', {
      office: { ...SMOKE_OFFICE },
      localities: ['Thôn Một'],
      admin: { ...SMOKE_ADMIN, passwordConfirm: SMOKE_ADMIN.password },
    });
    await step('auth.login', { username: SMOKE_ADMIN.username, password: SMOKE_ADMIN.password });
    const report = await step('reports.create', {
      receivedAt: Date.now(),
      channel: 'in_person',
      kind: 'crime_report',
      categoryCode: null,
      summary: SMOKE_SUMMARY,
      description: 'Người báo tin trình bày: xe máy để trước cổng chợ bị lấy mất.',
      address: 'Chợ Kiểm Thử',
      reporterName: 'Trần Văn Báo',
    });
    const printed = await printer.print(receiptRoute(report.id));
    const problems = [
      ...textProblems(printed.text, { officeName: SMOKE_OFFICE.name, summary: SMOKE_SUMMARY, registerNo: report.registerNo }),
      ...pdfProblems(printed.pdf).map((problem) => `the PDF: ${problem}`),
    ];
    if (problems.length > 0) throw new SmokeFailure(`the printed receipt: ${problems.join('; ')}`);
    log(`ok printed the receipt record of report ${report.number} (${printed.pdf.byteLength} bytes of PDF)`);
    return true;
  } catch (error) {
    log(`FAILED ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
