import { useMemo } from 'react';
import type { OfficeListItem } from '../../api/views';
import type { Column } from '../components/data-table';
import type { SelectOption } from '../components/select-field';
import type { VirtualColumn } from '../components/virtual-table';
import type { I18n } from '../i18n';
import { useSession } from '../session/session-context';
import { useReferenceList } from './reference-lists';

/**
 * The offices whose records the store holds (a higher office imports its communes'). With more than
 * one, lists offer an office filter and show each row's office; records of another office are read
 * only (the backend refuses to change them).
 */
export interface Offices {
  readonly list: readonly OfficeListItem[];
  /** More than one office: the office filter and column appear. */
  readonly many: boolean;
  readonly ownCode: string;
  readonly nameOf: (code: string) => string;
  /** The filter's choices: every office (''), then each office by name. */
  readonly options: (allLabel: string) => SelectOption<string>[];
}

export function useOffices(): Offices {
  const loaded = useReferenceList('offices.list');
  const ownCode = useSession().session.office.code;
  return useMemo(() => {
    const list = loaded.status === 'ready' ? loaded.value : [];
    const names = new Map(list.map((office) => [office.code, office.name]));
    return {
      list,
      many: list.length > 1,
      ownCode,
      nameOf: (code) => names.get(code) ?? code,
      options: (allLabel) => [{ value: '', label: allLabel }, ...list.map((office) => ({ value: office.code, label: office.name }))],
    };
  }, [loaded, ownCode]);
}

/** Whether a record is the own office's: only those can be changed here (the backend refuses the others). */
export function useOwnRecord(record: { readonly officeId: string }): boolean {
  return record.officeId === useSession().session.office.code;
}

/** The "Đơn vị" column, placed first after the row header when the store holds several offices. */
export function withOfficeColumn<Row extends { readonly officeId: string }, C extends Column<Row>>(
  columns: readonly C[],
  offices: Offices,
  t: I18n['t'],
): (C | VirtualColumn<Row, never>)[] {
  if (!offices.many) return [...columns];
  const column: VirtualColumn<Row, never> = { key: 'office', header: t('office.column'), width: '7.5rem', cell: (row) => offices.nameOf(row.officeId), title: (row) => offices.nameOf(row.officeId) };
  return [columns[0]!, column, ...columns.slice(1)];
}
