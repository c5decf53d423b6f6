import { describe, expect, it } from 'vitest';
import { judgeRecord, mayReference, type Receiver, type Sender, type Verdict } from '../../db/exchange/ownership';

/**
 * The rule of who may write what through a bundle, table-driven: sender role × record table × record
 * owner × local owner. The province 38 has the communes A and B as children; A has another PC (a
 * sibling); its parent is 38. X is an office nobody here enrolled.
 */
const province: Receiver = { officeId: '38', children: new Set(['A', 'B']), parents: new Set() };
const communeA: Receiver = { officeId: 'A', children: new Set(), parents: new Set(['38']) };

const child = (officeId: string): Sender => ({ role: 'child', officeId });
const parent = (officeId: string): Sender => ({ role: 'parent', officeId });
const sibling = (officeId: string): Sender => ({ role: 'sibling', officeId });

type Row = [name: string, receiver: Receiver, sender: Sender, table: string, id: string, owner: string, localOwner: string | null, expected: 'take' | 'skip' | string];

const rows: Row[] = [
  // A child writes its own records, new or known, and nothing else.
  ['a child\'s new report', province, child('A'), 'reports', 'r1', 'A', null, 'take'],
  ['a child\'s edit of its report', province, child('A'), 'reports', 'r1', 'A', 'A', 'take'],
  ['a child\'s new report in the name of another commune', province, child('A'), 'reports', 'r2', 'B', null, 'owner'],
  ['a child\'s edit of another commune\'s report', province, child('A'), 'reports', 'r2', 'B', 'B', 'owner'],
  ['a child taking another commune\'s report over', province, child('A'), 'reports', 'r2', 'A', 'B', 'owner'],
  ['a child\'s edit of another commune\'s person', province, child('A'), 'persons', 'p1', 'B', 'B', 'owner'],
  ['a child\'s record of the province', province, child('A'), 'localities', 'l1', '38', null, 'owner'],
  ['a child\'s record of an office nobody enrolled', province, child('A'), 'reports', 'r3', 'X', null, 'owner'],
  ['a child\'s own directory row', province, child('A'), 'offices', 'A', 'A', 'A', 'take'],
  ['a child renaming another commune', province, child('A'), 'offices', 'B', 'B', 'B', 'owner'],
  ['a child inventing an office under its own name', province, child('A'), 'offices', 'Z', 'A', null, 'directory'],
  ['a child sending users', province, child('A'), 'users', 'u1', 'A', null, 'table'],
  ['a child sending reference data', province, child('A'), 'categories', 'c1', 'A', null, 'table'],
  ['a child sending a table that does not travel', province, child('A'), 'settings', 's1', 'A', null, 'table'],
  // A parent writes reference data, the directory and its own campaigns, never a child's records.
  ['the parent\'s categories', communeA, parent('38'), 'categories', 'c1', '38', null, 'take'],
  ['the parent\'s categories over this office\'s copy', communeA, parent('38'), 'categories', 'c1', '38', 'A', 'take'],
  ['the parent\'s campaign', communeA, parent('38'), 'campaigns', 'k1', '38', null, 'take'],
  ['the parent\'s directory row of another commune', communeA, parent('38'), 'offices', 'B', 'B', null, 'take'],
  ['the parent\'s directory row of this office', communeA, parent('38'), 'offices', 'A', 'A', 'A', 'skip'],
  ['the parent\'s campaign in the name of a commune', communeA, parent('38'), 'campaigns', 'k2', 'A', null, 'owner'],
  ['the parent editing this office\'s report', communeA, parent('38'), 'reports', 'r1', 'A', 'A', 'table'],
  ['the parent writing a report of its own here', communeA, parent('38'), 'reports', 'r9', '38', null, 'table'],
  ['the parent taking this office\'s campaign over', communeA, parent('38'), 'campaigns', 'k3', '38', 'A', 'owner'],
  // A sibling passes on what this office holds legitimately, each record judged by its owner.
  ['a sibling\'s report of this office', communeA, sibling('A'), 'reports', 'r1', 'A', 'A', 'take'],
  ['a sibling\'s directory row of this office', communeA, sibling('A'), 'offices', 'A', 'A', 'A', 'take'],
  ['a sibling passing on the parent\'s campaign', communeA, sibling('A'), 'campaigns', 'k1', '38', null, 'take'],
  ['a sibling passing on the parent\'s directory', communeA, sibling('A'), 'offices', 'B', 'B', null, 'take'],
  ['a sibling writing a report of the parent', communeA, sibling('A'), 'reports', 'r9', '38', null, 'table'],
  ['a sibling writing another commune\'s report', communeA, sibling('A'), 'reports', 'r2', 'B', null, 'foreign'],
  ['a sibling sending users', communeA, sibling('A'), 'users', 'u1', 'A', null, 'table'],
  ['a province sibling passing on a commune\'s report', province, sibling('38'), 'reports', 'r1', 'A', null, 'take'],
  ['a province sibling passing on a commune\'s own directory row', province, sibling('38'), 'offices', 'A', 'A', null, 'take'],
  ['a province sibling moving a report between communes', province, sibling('38'), 'reports', 'r1', 'A', 'B', 'owner'],
  ['a province sibling passing on an office nobody enrolled', province, sibling('38'), 'reports', 'r3', 'X', null, 'foreign'],
];

function outcome(verdict: Verdict): string {
  if (verdict.take) return 'take';
  return verdict.skip ? 'skip' : verdict.why;
}

describe('who may write what through a bundle', () => {
  it.each(rows)('%s', (_name, receiver, sender, table, id, owner, localOwner, expected) => {
    expect(outcome(judgeRecord(receiver, sender, { table, id, owner, localOwner }))).toBe(expected);
  });

  it('a sibling\'s record is judged from its owner\'s direction', () => {
    const verdict = judgeRecord(province, sibling('38'), { table: 'reports', id: 'r1', owner: 'A', localOwner: null });
    expect(verdict).toEqual({ take: true, origin: { as: 'child', officeId: 'A' } });
  });
});

describe('what a record may point at', () => {
  const child = { as: 'child', officeId: 'A' } as const;
  const own = { as: 'own', officeId: 'A' } as const;
  const cases: [name: string, receiver: Receiver, origin: Parameters<typeof mayReference>[1], from: string, table: string, owner: string, expected: boolean][] = [
    ['a child\'s link to its own report', province, child, 'report_persons', 'reports', 'A', true],
    ['a child\'s link to another commune\'s report', province, child, 'report_persons', 'reports', 'B', false],
    ['a child\'s link to another commune\'s person', province, child, 'report_persons', 'persons', 'B', false],
    ['a child\'s report counted in the province\'s campaign', province, child, 'campaign_reports', 'campaigns', '38', true],
    ['a child\'s operation under the province\'s campaign', province, child, 'operations', 'campaigns', '38', true],
    ['a child redefining the province\'s campaign targets', province, child, 'campaign_targets', 'campaigns', '38', false],
    ['a child widening the province\'s campaign categories', province, child, 'campaign_categories', 'campaigns', '38', false],
    ['a child widening the province\'s campaign localities', province, child, 'campaign_localities', 'campaigns', '38', false],
    ['a child\'s result for another commune\'s campaign', province, child, 'campaign_reports', 'campaigns', 'B', false],
    ['a child\'s link to a report of the province', province, child, 'report_persons', 'reports', '38', false],
    ['this office\'s result for the parent\'s campaign', communeA, own, 'campaign_reports', 'campaigns', '38', true],
    ['this office\'s link to another commune\'s person', communeA, own, 'report_persons', 'persons', 'B', false],
    ['the province counting a commune\'s report in its own campaign', province, { as: 'own', officeId: '38' }, 'campaign_reports', 'reports', 'A', true],
    ['the parent\'s target for its own campaign', communeA, { as: 'parent', officeId: '38' }, 'campaign_targets', 'campaigns', '38', true],
    ['the parent\'s target for this office\'s campaign', communeA, { as: 'parent', officeId: '38' }, 'campaign_targets', 'campaigns', 'A', false],
  ];
  it.each(cases)('%s', (_name, receiver, origin, from, table, owner, expected) => {
    expect(mayReference(receiver, origin, from, table, owner)).toBe(expected);
  });
});
