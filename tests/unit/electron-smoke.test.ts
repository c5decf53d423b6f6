import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../api/contract';
import type { Session } from '../../db/sessions';
import { pdfProblems, receiptRoute, runSmoke, SMOKE_OFFICE, smokeFolder, textProblems, type PrintedDocument, type SmokeTransport } from '../../electron/smoke';
import { parsePrintPath } from '../../renderer/print/print-route';
import { callOn, cleanup, createOffice, expectOk, newBackend, tempDir } from '../support/backend';
import type { Backend } from '../../db/backend';

/**
 * The smoke sequence of `--smoke-test` (electron/smoke.ts) against a real backend through the
 * dispatcher, the same calls the window makes through IPC, with a printer standing in for the window:
 * it checks the route is the receipt record's and answers with the report's text as the receipt
 * shows it, or with what a broken print would give.
 */

afterEach(cleanup);

/** One session on the backend, as the window has one. */
function transportOn(backend: Backend): SmokeTransport & { readonly session: Session } {
  const session = backend.sessions.create(backend.now());
  return { session, call: <N extends CallName>(name: N, input: CallInput<N>) => callOn(backend, session, name, input) };
}

const A_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n2 0 obj\n<< /Type /Page /Parent 1 0 R >>\nendobj\ntrailer\n%%EOF\n');

/** A printer that prints what the receipt of the route's report says, as the interface does. */
function receiptPrinter(transport: SmokeTransport, spoil: (doc: PrintedDocument) => PrintedDocument = (doc) => doc) {
  const routes: string[] = [];
  return {
    routes,
    async print(route: string): Promise<PrintedDocument> {
      routes.push(route);
      const parsed = parsePrintPath(route);
      if (parsed.kind !== 'receipt') throw new Error(`not a receipt route: ${route}`);
      const report = expectOk(await transport.call('reports.get', { id: parsed.reportId }));
      const office = expectOk(await transport.call('setup.status', {})).office;
      const text = `BIÊN BẢN TIẾP NHẬN\nSố: ${String(report.registerNo).padStart(2, '0')}/BB-CAX\nTại ${office?.name ?? ''}.\nNội dung: ${report.summary}`;
      return spoil({ text, pdf: A_PDF });
    },
  };
}

describe('the smoke run', () => {
  it('sets up the office, logs in, records a report and prints its receipt record', async () => {
    const backend = newBackend(tempDir());
    const transport = transportOn(backend);
    const printer = receiptPrinter(transport);
    const lines: string[] = [];
    expect(await runSmoke({ transport, printer, log: (line) => lines.push(line) })).toBe(true);
    expect(lines.slice(0, 4)).toEqual(['ok setup.status', 'ok setup.create', 'ok auth.login', 'ok reports.create']);
    expect(lines[4]).toMatch(/^ok printed the receipt record of report .+ \(\d+ bytes of PDF\)$/);
    // What it left behind is a real office: the report is in its register, recorded by its administrator.
    const status = expectOk(await transport.call('setup.status', {}));
    expect(status.office).toEqual({ code: SMOKE_OFFICE.code, name: SMOKE_OFFICE.name, demo: false });
    const list = expectOk(await transport.call('reports.list', {}));
    expect(list.total).toBe(1);
    expect(printer.routes).toEqual([receiptRoute(list.rows[0]?.id ?? '')]);
  });

  it('refuses a folder that already holds an office, and touches nothing in it', async () => {
    const office = await createOffice();
    const transport = transportOn(office.backend);
    const printer = receiptPrinter(transport);
    const lines: string[] = [];
    expect(await runSmoke({ transport, printer, log: (line) => lines.push(line) })).toBe(false);
    expect(lines.at(-1)).toBe('FAILED the folder already holds an office; give an empty folder');
    expect(printer.routes).toEqual([]);
    expect(expectOk(await office.call('reports.list', {})).total).toBe(0);
  });

  it('fails when the printed text lacks the register number, the office or the summary', async () => {
    const cases: Array<[string, (doc: PrintedDocument) => PrintedDocument, RegExp]> = [
      ['number', (doc) => ({ ...doc, text: doc.text.replace(/Số: \d+\//, 'Số: ') }), /the register number "Số: 01\/" is missing/],
      ['office', (doc) => ({ ...doc, text: doc.text.replace(SMOKE_OFFICE.name, '') }), /the office name/],
      ['summary', (doc) => ({ ...doc, text: doc.text.replace(/Nội dung: .*/, '') }), /the summary/],
      ['blank page', (doc) => ({ ...doc, text: '' }), /missing/],
    ];
    for (const [name, spoil, expected] of cases) {
      const transport = transportOn(newBackend(tempDir()));
      const lines: string[] = [];
      expect(await runSmoke({ transport, printer: receiptPrinter(transport, spoil), log: (line) => lines.push(line) }), name).toBe(false);
      expect(lines.at(-1), name).toMatch(expected);
    }
  });

  it('fails when what was printed is not a PDF with a page', async () => {
    const transport = transportOn(newBackend(tempDir()));
    const lines: string[] = [];
    const printer = receiptPrinter(transport, (doc) => ({ ...doc, pdf: new TextEncoder().encode('<html>not a pdf</html>') }));
    expect(await runSmoke({ transport, printer, log: (line) => lines.push(line) })).toBe(false);
    expect(lines.at(-1)).toMatch(/the PDF: it does not start with %PDF-; the PDF: it has no %%EOF at the end; the PDF: it has no page$/);
  });

  it('fails, without throwing, when the printer throws or a call is refused', async () => {
    const transport = transportOn(newBackend(tempDir()));
    const lines: string[] = [];
    const printer = { print: () => Promise.reject(new Error('the print document did not become ready')) };
    expect(await runSmoke({ transport, printer, log: (line) => lines.push(line) })).toBe(false);
    expect(lines.at(-1)).toBe('FAILED the print document did not become ready');

    const refusing: SmokeTransport = { call: async () => ({ ok: false, error: { code: 'internal', message: 'no' } }) };
    const refused: string[] = [];
    expect(await runSmoke({ transport: refusing, printer, log: (line) => refused.push(line) })).toBe(false);
    expect(refused).toEqual(['FAILED setup.status: internal no']);
  });
});

describe('its pieces', () => {
  it('reads the folder from the command line', () => {
    expect(smokeFolder(['electron', '.', '--smoke-test', '/tmp/x'])).toBe('/tmp/x');
    expect(smokeFolder(['so-antt.exe', '--smoke-test=C:\\smoke'])).toBe('C:\\smoke');
    expect(smokeFolder(['electron', '.'])).toBeNull();
    expect(smokeFolder(['electron', '.', '--smoke-test'])).toBeNull();
    expect(smokeFolder(['electron', '.', '--smoke-test', '--other'])).toBeNull();
    expect(smokeFolder(['so-antt', '--no-sandbox', '--enable-logging=stderr', '--smoke-test', '/tmp/y', '--lang=vi'])).toBe('/tmp/y');
    expect(smokeFolder(['so-antt.exe', '--smoke-test='])).toBeNull();
  });

  it('prints the receipt record route of the renderer', () => {
    expect(parsePrintPath(receiptRoute('0190a0b0-0000-7000-8000-000000000001'))).toEqual({ kind: 'receipt', reportId: '0190a0b0-0000-7000-8000-000000000001' });
  });

  it('checks the PDF and the text', () => {
    expect(pdfProblems(A_PDF)).toEqual([]);
    expect(pdfProblems(new TextEncoder().encode('%PDF-1.4\n<< /Type /Pages >>\n%%EOF'))).toEqual(['it has no page']);
    expect(textProblems('Số: 07/BB  Công an xã A\nTrộm', { officeName: 'Công an xã A', summary: 'Trộm', registerNo: 7 })).toEqual([]);
    expect(textProblems('Số: 17/BB Công an xã A Trộm', { officeName: 'Công an xã A', summary: 'Trộm', registerNo: 7 })).toHaveLength(1);
  });
});
