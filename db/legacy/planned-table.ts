/**
 * The records an old register's dry run plans to write, held by column (issue 22; docs/decisions.md,
 * "An old register's import in less memory"): each column's distinct values once and, where a column
 * has more than one, each record's index into them. A register repeats its words, dates and settled
 * states down the rows, and half the columns are one value throughout, so 100,000 reports cost a few
 * megabytes instead of an array of forty values each (75 MB in the backend, and as much again cloned
 * into the job worker that writes them, db/legacy/apply-plan.ts). Plain data: it crosses to the worker
 * as it is, its indexes as typed arrays.
 */
export interface PlannedTable {
  readonly count: number;
  /** Each record's row in the sheet. */
  readonly sourceRows: Int32Array;
  readonly columns: readonly PlannedColumn[];
}

export interface PlannedColumn {
  readonly name: string;
  /** The column's distinct values (strings, numbers or null), in the order first met. */
  readonly values: readonly unknown[];
  /** Each record's value as its index in `values`; null when the column has one value (or none). */
  readonly index: Uint32Array | null;
}

/** Takes the records one by one, at most `capacity` of them, all with the same columns in the same order. */
export function plannedTableBuilder(capacity: number) {
  const sourceRows = new Int32Array(capacity);
  let names: string[] | null = null;
  let distinct: Map<unknown, number>[] = [];
  let values: unknown[][] = [];
  /** A column's indexes, made when it meets its second value (every record before took the first: 0). */
  let index: (Uint32Array | null)[] = [];
  let last: number[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    /** A record made of `parts` (their columns in order), from the sheet's row `sourceRow`. */
    add(sourceRow: number, ...parts: readonly Readonly<Record<string, unknown>>[]): void {
      if (names === null) {
        names = parts.flatMap((part) => Object.keys(part));
        distinct = names.map(() => new Map());
        values = names.map(() => []);
        index = names.map(() => null);
        last = names.map(() => -1);
      }
      if (count >= capacity) throw new Error(`more than ${capacity} planned records`);
      sourceRows[count] = sourceRow;
      let c = 0;
      for (const part of parts) {
        for (const key in part) {
          if (key !== names[c]) throw new Error('a planned record with other columns');
          const value = part[key];
          // A column's value is most often its value in the record before: no look-up then.
          let at = last[c]!;
          if (at < 0 || values[c]![at] !== value) {
            at = distinct[c]!.get(value) ?? -1;
            if (at < 0) {
              at = values[c]!.length;
              values[c]!.push(value);
              distinct[c]!.set(value, at);
              if (at === 1) index[c] = new Uint32Array(capacity);
            }
            last[c] = at;
          }
          if (at > 0) index[c]![count] = at;
          c += 1;
        }
      }
      if (c !== names.length) throw new Error('a planned record with other columns');
      count += 1;
    },
    /** The table: its arrays cut to the records taken, the index of a column of one value left out. */
    finish(): PlannedTable {
      return {
        count,
        sourceRows: sourceRows.slice(0, count),
        columns: (names ?? []).map((name, c) => ({ name, values: values[c]!, index: index[c]?.slice(0, count) ?? null })),
      };
    },
  };
}

/** Record `i` of the table as an object of its columns, into `into`. */
export function plannedRecord(table: PlannedTable, i: number, into: Record<string, unknown>): Record<string, unknown> {
  for (const column of table.columns) into[column.name] = column.values[column.index === null ? 0 : column.index[i]!];
  return into;
}
