import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import type { Deadline } from '../../api/views';
import { addUser, cleanup, createOffice, expectOk, manualClock } from '../support/backend';

const vn = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+07:00`);
const HOUR = 3_600_000;

function report(overrides: Partial<CallInput<'reports.create'>> = {}): CallInput<'reports.create'> {
  return { receivedAt: vn('2026-03-02'), channel: 'in_person', kind: 'crime_report', categoryCode: 'theft', summary: 'Mất trộm xe máy', ...overrides };
}
const find = (deadlines: readonly Deadline[], kind: Deadline['kind']) => deadlines.find((d) => d.kind === kind)!;

afterEach(cleanup);

describe('accountability of a report\'s deadlines', () => {
  it('a late transfer keeps when it was done, and the decision limit passes to the investigating body', async () => {
    const clock = manualClock(vn('2026-03-04', '11:00'));
    const office = await createOffice({ now: clock.now });
    let r = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02', '10:00') })));
    // Transfer was due 03/03 10:00; done 04/03 09:00: 23 hours late.
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'transfer', at: vn('2026-03-04', '09:00'), to: 'Cơ quan CSĐT Công an huyện' } }));
    const transfer = find(r.deadlines, 'transfer');
    expect(transfer).toMatchObject({ done: true, doneAt: vn('2026-03-04', '09:00'), passedOn: false });
    expect(transfer.doneAt! - transfer.dueAt).toBe(23 * HOUR);
    // The decision is no longer "done" nor open: it passed on with the case.
    expect(find(r.deadlines, 'decision')).toMatchObject({ done: false, passedOn: true, doneAt: null });
    // The notice is still the commune's, and open.
    expect(find(r.deadlines, 'notice')).toMatchObject({ done: false, passedOn: false });
    const board = expectOk(await office.call('reports.deadlines', { withinDays: 30 }));
    const kinds = [...board.overdue, ...board.today, ...board.soon].filter((d) => d.reportId === r.id).map((d) => d.kind);
    expect(kinds).toEqual(['notice']);
    expect(board.counts.overdue + board.counts.today + board.counts.soon).toBe(1);
  });

  it('a decision in the commune keeps its time; one in time is done without lateness', async () => {
    const clock = manualClock(vn('2026-03-03', '11:00'));
    const office = await createOffice({ now: clock.now });
    let r = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02', '10:00') })));
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'handle_in_commune' } }));
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'decide', decision: 'not_prosecute', at: vn('2026-03-03', '10:00'), decisionNo: '3/QĐ' } }));
    const decision = find(r.deadlines, 'decision');
    expect(decision).toMatchObject({ done: true, passedOn: false, doneAt: vn('2026-03-03', '10:00') });
    expect(decision.doneAt!).toBeLessThan(decision.dueAt);
  });

  it('a deadline due at 24:00 today is due today, not "soon", for its officer and for the chief', async () => {
    const clock = manualClock(vn('2026-03-05', '09:00'));
    const office = await createOffice({ now: clock.now });
    const officerId = await addUser(office, { username: 'canbo1', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Phạm Văn Bình' });
    // Received 02/03: the notice ends at 24:00 of 05/03 (3 working days), exactly the end of today.
    const r = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02'), officerId })));
    expect(find(r.deadlines, 'notice').dueAt).toBe(vn('2026-03-06', '00:00'));
    for (const board of [expectOk(await office.call('reports.deadlines', { withinDays: 3 })), expectOk(await office.callAs(await office.login('canbo1', 'Hương-đi-chợ-Bến-Thành-sớm'), 'reports.deadlines', { withinDays: 3 }))]) {
      expect(board.today.map((d) => [d.kind, d.officerId])).toEqual([['notice', officerId]]);
      expect(board.soon.some((d) => d.reportId === r.id && d.kind === 'notice')).toBe(false);
      expect(board.counts.today).toBe(1);
    }
  });
});

describe('messages that say the limit', () => {
  it('a receipt dated after today is refused with "not after today", and nothing is recorded', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-03-05', '09:00')).now });
    const refused = await office.call('reports.create', report({ receivedAt: vn('2026-03-08') }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.receivedAt).toBe('v.received_future');
    expect(expectOk(await office.call('reports.list', {})).total).toBe(0);
  });
});
