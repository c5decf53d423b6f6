import type { PersonView, ProgramView } from '../../api/views';
import { formatDate } from '../format';
import type { ProgramsData } from './list-data';
import { ListDocument } from './list-document';
import { CellLines, type ListColumn, type ListGroup } from './list-table';
import { isoToDisplay } from './print-format';
import { endReasonLabels, listText, programsText as text } from './print-list-text';
import { label } from './print-text';

const kindNameOf = (data: ProgramsData, code: string) => data.kinds.find((k) => k.code === code)?.nameVi ?? code;

function summary(data: ProgramsData, printedAt: number): string {
  const { query } = data;
  const f = text.filters;
  const officer = query.officerId ? (data.officers.find((o) => o.id === query.officerId)?.fullName ?? '') : '';
  const parts = [
    query.status === null ? f.all : f[query.status],
    query.kindCode ? f.kind(kindNameOf(data, query.kindCode)) : '',
    officer ? f.officer(officer) : '',
    query.q ? f.q(query.q) : '',
  ].filter(Boolean);
  return [listText.asOf(formatDate(printedAt)), ...parts].join('; ');
}

/** The programs grouped by kind, in the order of the office's kinds (kinds it no longer has last). */
function byKind(data: ProgramsData): ListGroup<ProgramView>[] {
  const groups = new Map<string, ProgramView[]>();
  for (const program of data.programs) {
    const group = groups.get(program.kindCode);
    if (group) group.push(program);
    else groups.set(program.kindCode, [program]);
  }
  const order = (code: string) => {
    const index = data.kinds.findIndex((k) => k.code === code);
    return index < 0 ? data.kinds.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([code, programs]) => ({ key: code, title: text.group(kindNameOf(data, code), new Set(programs.map((p) => p.personId)).size), rows: programs }));
}

function born(person: PersonView | undefined): string {
  if (!person) return '';
  if (person.birthYear !== null) return String(person.birthYear);
  return person.birthDate?.slice(0, 4) ?? '';
}

function residence(data: ProgramsData, person: PersonView | undefined): string[] {
  if (!person) return [];
  const locality = person.localityId ? (data.localities.find((l) => l.id === person.localityId)?.name ?? '') : '';
  const place = [person.permanentAddress || person.temporaryAddress, locality].filter((part) => part.trim() !== '').join(', ');
  return person.permanentAddress && person.temporaryAddress ? [place, text.temporary(person.temporaryAddress)] : [place];
}

function columns(data: ProgramsData): ListColumn<ProgramView>[] {
  const c = text.columns;
  const person = (program: ProgramView) => data.persons.get(program.personId);
  return [
    { key: 'name', header: c.name, width: '16%', cell: (p) => p.personName },
    { key: 'born', header: c.born, width: '6%', center: true, cell: (p) => born(person(p)) },
    { key: 'residence', header: c.residence, width: '23%', cell: (p) => <CellLines lines={residence(data, person(p))} /> },
    { key: 'decision', header: c.decision, width: '12%', cell: (p) => text.decision(p.decisionNo, p.decisionDate ? isoToDisplay(p.decisionDate) : '') },
    { key: 'start', header: c.start, width: '8%', center: true, cell: (p) => isoToDisplay(p.startDate) },
    { key: 'end', header: c.end, width: '8%', center: true, cell: (p) => (p.endDate ? isoToDisplay(p.endDate) : '') },
    { key: 'officer', header: c.officer, width: '12%', cell: (p) => p.officerName ?? '' },
    {
      key: 'note',
      header: c.note,
      width: '10%',
      cell: (p) => (p.status === 'ended' && p.endedOn ? text.ended(isoToDisplay(p.endedOn), label(endReasonLabels, p.endReason)) : ''),
    },
  ];
}

/** People under management, one group per program kind, with their residence, program dates and officer. */
export function ProgramList({ data, printedAt }: { readonly data: ProgramsData; readonly printedAt: number }) {
  const { office, programs } = data;
  const people = new Set(programs.map((p) => p.personId)).size;
  return (
    <ListDocument
      office={office}
      printedAt={printedAt}
      symbol={text.symbol}
      title={text.title}
      summary={summary(data, printedAt)}
      landscape
      caption={text.caption}
      columns={columns(data)}
      groups={byKind(data)}
      rowKey={(p) => p.id}
      empty={text.empty}
      total={text.count(programs.length, people)}
      recipients={listText.recipientsUp(office.parentName)}
    />
  );
}
