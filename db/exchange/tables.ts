import { recordTables, type RecordTable } from '../schema';

/**
 * Which records travel in which bundle.
 *
 * - Accounts (`users`) never leave the installation: each PC has its own logins and keyring.
 * - Reference data that every office seeds at setup and that is keyed by a code (categories, program
 *   kinds, measures, holidays, safety criteria) flows only down, in reference bundles, and is matched by
 *   that code: each office's copy is its own record.
 * - Everything else is an office's own records and travels up (and between PCs of one office) with its
 *   owner, id and version kept.
 */
export const keyedReference = {
  category_groups: 'code',
  categories: 'code',
  program_kinds: 'code',
  measures: 'code',
  holidays: 'date',
  safety_criteria: 'code',
} as const satisfies Partial<Record<RecordTable, string>>;
export type KeyedReferenceTable = keyof typeof keyedReference;

/** Reference records that keep their owner (the higher office) when they travel down. */
export const ownedReference = ['offices', 'campaigns', 'campaign_targets', 'campaign_categories'] as const satisfies readonly RecordTable[];

const localOnly: readonly RecordTable[] = ['users'];

/**
 * Columns a store derives from its own records, kept by its triggers (migration 19: whether a person is
 * one of the Đối tượng): never sent in a bundle, and ignored when a bundle carries them, since each
 * store reads them from what it holds.
 */
export const localColumns: Partial<Record<RecordTable, readonly string[]>> = { persons: ['subject'] };

/** A record as it travels: without the columns this store derives for itself. */
export function withoutLocalColumns(table: string, row: Record<string, unknown>): Record<string, unknown> {
  // The table's name comes from the bundle: only the map's own entries, never a prototype's ("constructor").
  const local = Object.hasOwn(localColumns, table) ? localColumns[table as RecordTable] : undefined;
  if (!local || !local.some((column) => column in row)) return row;
  return Object.fromEntries(Object.entries(row).filter(([column]) => !local.includes(column)));
}

/** Records bundles: an office's own records, parents before children (the order of recordTables). */
export const recordBundleTables: readonly RecordTable[] = recordTables.filter(
  (table) => !localOnly.includes(table) && !(table in keyedReference),
);

/** Reference bundles: the keyed reference data, then the higher office's directory and campaigns. */
export const referenceBundleTables: readonly RecordTable[] = [
  ...(Object.keys(keyedReference) as KeyedReferenceTable[]),
  ...ownedReference,
];

export function isKeyedReference(table: string): table is KeyedReferenceTable {
  return Object.prototype.hasOwnProperty.call(keyedReference, table);
}
