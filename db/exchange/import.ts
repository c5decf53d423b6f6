import { createHash } from 'node:crypto';
import { appendAudit } from '../audit';
import { AppError } from '../app-error';
import { parseVersion, receive, type ClockState } from '../clock';
import { readSettings } from '../settings';
import { uuidv7 } from '../ids';
import { schemaVersion } from '../migrations/registry';
import { all, first, prepared, qb, run } from '../query';
import { nextRegisterNumber } from '../register/numbering';
import { addTerms, indexReports, mergeSearchIndex, reportParts, reportsOfPerson, type ReportSearchParts, type ReportSearchRow } from '../register/search-index';
import { DeferredSummaries } from '../reports/deferred-summaries';
import type { ClockAheadView, ImportCounts, ImportItem, ImportOutcome, ImportReason, ImportSummary } from '../../api/views';
import { recordColumnNames, stampColumnNames, type ExchangeAlertKind, type ExchangePeersTable, type RecordColumns, type RecordTable } from '../schema';
import { isSqliteCode, type Sqlite } from '../store';
import { versionNode, type WritePath } from '../write-path';
import { openBundle, type OpenedBundle } from './bundle';
import type { ManifestLine, RecordLine } from './export';
import { findPeer, identity, receiverOf, type Identity } from './identity';
import { referencesIn, storedOwner } from './references';
import { judgeRecord, mayReference, type Origin, type Receiver, type Refusal } from './ownership';
import { isKeyedReference, keyedReference, recordBundleTables, withoutLocalColumns, type KeyedReferenceTable } from './tables';

type Outcome = ImportOutcome;
type Reason = ImportReason;
type Counts = Record<Outcome, number>;

const ITEM_LIMIT = 500;
/** Records held back per sender until what they point at arrives; a sender cannot fill the store with them. */
const HELD_PER_PEER = 100_000;
/** Stamps and provenance, not content: two PCs that made the same record hold the same content. */
const META = new Set<string>(stampColumnNames.filter((column) => column !== 'id' && column !== 'office_id'));
const VERSION = /^\d{13}-\d{5}-[0-9a-f]{1,32}$/;

class DryRun extends Error {}

/** Where records come from: a bundle from an enrolled peer, or this installation's own bulk writes (no peer). */
interface Source {
  readonly bundleId: string;
  readonly peer: ExchangePeersTable | null;
}

/** The office's code and name as this store knows them, for a message (the id when it knows nothing). */
function officeLabel(db: Sqlite, officeId: string): string {
  const office = prepared(db, 'SELECT code, name FROM offices WHERE id = ?').get(officeId) as { code: string; name: string } | undefined;
  return office ? `${office.name} (${office.code})` : officeId;
}

/**
 * The refusal of a whole bundle because one record breaks the rule of who may write what: it names the
 * record, its owner and the sender (as enrolled here, never as the bundle claims).
 */
export class ForbiddenRecord extends AppError {
  /** What the alert keeps: the record, its owner as "name (code)" where this store knows it, and why. */
  readonly detail: { readonly table: string; readonly id: string; readonly owner: string; readonly why: Refusal | 'reference' };

  constructor(
    readonly peer: ExchangePeersTable,
    record: { readonly table: string; readonly id: string; readonly why: Refusal | 'reference' },
    owner: string,
  ) {
    super(
      'exchange.forbidden_record',
      `${peer.office_name} (${peer.office_code}) sent ${record.table} ${record.id} of ${owner}, which it may not write (${record.why}); nothing was imported`,
      { params: { table: record.table, id: record.id, owner, sender: `${peer.office_name} (${peer.office_code})` } },
    );
    this.detail = { ...record, owner };
  }
}

/**
 * The SQL of each statement the import runs per record, compiled by Kysely once per table and column
 * list: compiling costs more than running, and a bundle runs the same few statements 100,000 times.
 */
const statementSqls = new Map<string, string>();
function statementSql(key: string, build: () => { compile(): { sql: string } }): string {
  let sql = statementSqls.get(key);
  if (sql === undefined) statementSqls.set(key, (sql = build().compile().sql));
  return sql;
}

function zeroCounts(): Counts {
  return { new: 0, updated: 0, unchanged: 0, deleted: 0, conflicts: 0, pending: 0, rejected: 0 };
}

/** Keyed reference tables that keep the origin of a row and the higher office's version last applied (migration 16). */
const upstreamTracked: ReadonlySet<string> = new Set(['holidays', 'safety_criteria']);
const upstreamColumns: readonly string[] = ['origin', 'upstream_version'];

/** Tables a records bundle carries (the keyed reference data comes only in reference bundles). */
const localTables = new Set<string>(recordBundleTables);

function bad(message: string): AppError {
  return new AppError('exchange.bad_manifest', message);
}

const columnsCache = new WeakMap<Sqlite, Map<string, Set<string>>>();
function columnsOf(db: Sqlite, table: string): Set<string> {
  let cache = columnsCache.get(db);
  if (!cache) columnsCache.set(db, (cache = new Map()));
  let columns = cache.get(table);
  if (!columns) {
    columns = new Set((db.pragma(`table_info(${JSON.stringify(table)})`) as { name: string }[]).map((c) => c.name));
    cache.set(table, columns);
  }
  return columns;
}

function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((key) => META.has(key) || a[key] === b[key]);
}

/**
 * Applies one bundle's records to the store inside the caller's transaction and counts what happens to
 * each. The rules (docs/architecture.md, "Exchange"; docs/decisions.md, "Exchange between offices"):
 * the owner office alone changes its records; a version that is not newer is ignored; a voided record
 * is never brought back; a record edited here and there from the same base is a conflict kept for a
 * person; every write keeps the incoming id, owner and version and takes a local change sequence, so
 * it travels on to this office's other PCs.
 */
class Applier {
  readonly counts = zeroCounts();
  readonly byTable: Record<string, Counts> = {};
  readonly items: ImportItem[] = [];
  itemsLeftOut = 0;
  records = 0;
  private seq: number;
  private clock: ClockState;
  private readonly reports = new Set<string>();
  private readonly persons = new Set<string>();
  /**
   * The reports this import inserted, as written, each with the persons its live links written since
   * name, in their order: indexed from here, not read back. A report written any other way (updated,
   * renumbered), or one of its links updated, is left out and read back (docs/decisions.md, "The
   * import against its floor (issue #23, seventh part)"). Only a report's own text is kept, not its row,
   * and at most indexTuning.keptReports of them: the reports after are read back, so the memory stays bounded
   * whatever the bundle's size.
   */
  private readonly inserted = new Map<string, ReportSearchParts & { personIds: string[] }>();
  /** False once a link named its report other than by a string id (the store may have read it otherwise): every report is read back. */
  private insertedKept = true;
  /** The local change sequence before the first write: the records written are (startSeq, seq]. */
  readonly startSeq: number;
  /**
   * The owner of each record a bundle's import wrote or looked up, by table then id, so a second link
   * to it needs no look-up (a record keeps its owner: a write that would change it is rejected).
   */
  private readonly owners = new Map<string, Map<string, string>>();
  /** The columns and SQL of the last insert into each table (insertSql). */
  private readonly lastInsert = new Map<string, { keys: readonly string[]; sql: string }>();
  /** Records held back per sender (hold, heldBy). */
  private readonly heldCounts = new Map<string, number>();
  private readonly receiver: Receiver;
  /** No version moves the clock past the receiver's wall time plus this bound. */
  private readonly clockCap: number;
  /** Versions beyond the bound, by the office that wrote them. */
  private readonly ahead = new Map<string, { records: number; newest: number }>();
  /** Records refused while retrying those held back (the bundle that brought them came earlier). */
  readonly heldRefusals: { readonly refusal: ForbiddenRecord; readonly bundleId: string }[] = [];
  /** Report summaries added up once at the end, from the first report written on. */
  private summaries: DeferredSummaries | null = null;

  constructor(
    private readonly db: Sqlite,
    private readonly writes: WritePath,
    private readonly me: Identity,
    private readonly source: Source,
    private readonly userId: string | null,
    private readonly now: number,
  ) {
    const state = prepared(db, 'SELECT wall, counter, seq FROM clock_state WHERE id = 1').get() as ClockState & { seq: number };
    this.seq = state.seq;
    this.startSeq = state.seq;
    this.clock = { wall: state.wall, counter: state.counter };
    this.receiver = receiverOf(db, me.officeId);
    this.clockCap = now + readSettings(db).exchangeClockBoundHours * 3600 * 1000;
  }

  record(table: string, row: unknown): void {
    this.records += 1;
    this.take(table, row, this.source.peer, this.source.bundleId);
  }

  /**
   * One record from `peer` (null: this installation's bulk path, which writes what it generated): judged
   * by the rule of who may write what, held back when a record it points at has not arrived yet, then
   * written by the version rules. A record the sender may not write throws: the whole bundle is refused.
   */
  private take(table: string, row: unknown, peer: ExchangePeersTable | null, bundleId: string): void {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return this.note('rejected', table, '', 'invalid');
    // A column this store derives for itself (tables.ts, localColumns) is not the sender's to set.
    const data = withoutLocalColumns(table, row as Record<string, unknown>);
    const id = typeof data.id === 'string' ? data.id.slice(0, 64) : '';
    if (peer === null && !localTables.has(table)) return this.note('rejected', table, id, 'table');
    const keyed = isKeyedReference(table);
    if (peer !== null && !keyed && !localTables.has(table)) this.refuse(peer, table, id, String(data.office_id ?? ''), 'table');
    if (!this.valid(table, data)) return this.note('rejected', table, id, 'invalid');
    const owner = data.office_id as string;
    const local = keyed ? undefined : this.localRow(table as RecordTable, id);
    let origin: Origin | null = null;
    if (peer !== null) {
      const verdict = judgeRecord(this.receiver, { role: peer.role, officeId: peer.office_id }, { table, id, owner, localOwner: local?.office_id ?? null });
      if (!verdict.take) {
        if (verdict.skip) return this.note('unchanged', table, id, null);
        // Another PC of this office passes on what it holds; an office this PC has not enrolled is not
        // written here (its PCs may enrol different offices), and not taken as a forgery.
        if (verdict.why === 'foreign' && peer.role === 'sibling') return this.note('rejected', table, id, 'not_enrolled');
        this.refuse(peer, table, id, owner, verdict.why);
      }
      origin = verdict.origin;
      if (table === 'offices' && origin.as === 'child' && !this.matchesEnrolment(data)) this.refuse(peer, table, id, owner, 'directory');
      const waiting = this.missingReference(peer, table, data, origin);
      if (waiting) return this.hold(table, data, peer, bundleId, waiting);
    }
    const version = parseVersion(data.version as string);
    if (version.wall > this.clockCap) {
      const seen = this.ahead.get(owner) ?? { records: 0, newest: 0 };
      this.ahead.set(owner, { records: seen.records + 1, newest: Math.max(seen.newest, version.wall) });
    }
    this.clock = receive(this.clock, version.wall > this.clockCap ? { wall: this.clockCap, counter: 0 } : version, this.now);
    if (keyed) return this.keyed(table as KeyedReferenceTable, data);
    return this.owned(table as RecordTable, data as Record<string, unknown> & RecordColumns, local);
  }

  private refuse(peer: ExchangePeersTable, table: string, id: string, owner: string, why: Refusal | 'reference'): never {
    throw new ForbiddenRecord(peer, { table: table.slice(0, 64), id, why }, officeLabel(this.db, owner.slice(0, 64)));
  }

  /**
   * A child's own directory row says what its enrolment says (its code and name are not edited on the
   * way), stays live, and keeps its level and place: it describes the child, it does not re-file it.
   */
  private matchesEnrolment(row: Record<string, unknown>): boolean {
    const peer = prepared(this.db, "SELECT office_code, office_name FROM exchange_peers WHERE office_id = ? AND role = 'child' AND revoked_at IS NULL").get(row.id) as
      | { office_code: string; office_name: string }
      | undefined;
    if (peer === undefined || peer.office_code !== row.code || peer.office_name !== row.name || row.deleted_at !== null) return false;
    const local = prepared(this.db, 'SELECT level, parent_code FROM offices WHERE id = ?').get(row.id) as { level: string; parent_code: string } | undefined;
    return local === undefined || (local.level === row.level && local.parent_code === row.parent_code);
  }

  private localRow(table: RecordTable, id: string): (Record<string, unknown> & RecordColumns) | undefined {
    return prepared(this.db, statementSql(`select ${table}`, () => qb.selectFrom(table as 'reports').selectAll().where('id', '=', ''))).get(id) as
      | (Record<string, unknown> & RecordColumns)
      | undefined;
  }

  /** The owner of a record here (written by this import or before), undefined when it is not here. */
  private ownerOf(table: string, id: string): string | undefined {
    const known = this.owners.get(table)?.get(id);
    if (known !== undefined) return known;
    const stored = storedOwner(this.db, table, id);
    if (stored !== undefined && this.source.peer !== null) this.knowOwner(table, id, stored);
    return stored;
  }

  private knowOwner(table: string, id: string, owner: string): void {
    let ofTable = this.owners.get(table);
    if (!ofTable) this.owners.set(table, (ofTable = new Map()));
    ofTable.set(id, owner);
  }

  /**
   * A record may point only at records its origin may reference (ownership.ts, mayReference); the first
   * record it points at that is not here yet, or null.
   */
  private missingReference(peer: ExchangePeersTable, table: string, row: Record<string, unknown>, origin: Origin): { table: string; id: string } | null {
    for (const reference of referencesIn(this.db, table, row)) {
      const target = row[reference.column];
      if (typeof target !== 'string') continue;
      // An attachment whose owner is no table an attachment may belong to.
      if (reference.table === '') this.refuse(peer, table, row.id as string, row.office_id as string, 'reference');
      const owner = this.ownerOf(reference.table, target);
      if (owner === undefined) return { table: reference.table, id: target };
      if (!mayReference(this.receiver, origin, table, reference.table, owner)) this.refuse(peer, table, row.id as string, row.office_id as string, 'reference');
    }
    return null;
  }

  /**
   * Kept until the record it points at arrives (a newer state of it from the same sender replaces an
   * older one held), up to HELD_PER_PEER records per sender: past that, rejected as "missing parent".
   */
  private hold(table: string, row: Record<string, unknown>, peer: ExchangePeersTable, bundleId: string, waiting: { table: string; id: string }): void {
    // A newer state of a record already held replaces it; only a record not held yet counts toward the cap.
    const already = prepared(this.db, 'SELECT 1 FROM exchange_pending WHERE peer_key_id = ? AND table_name = ? AND record_id = ?').get(peer.key_id, table, row.id);
    if (already === undefined) {
      const held = this.heldBy(peer.key_id);
      if (held >= HELD_PER_PEER) return this.note('rejected', table, row.id as string, 'missing_parent');
      this.heldCounts.set(peer.key_id, held + 1);
    }
    prepared(
      this.db,
      `INSERT INTO exchange_pending (table_name, record_id, version, peer_key_id, bundle_id, waiting_table, waiting_id, row, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (peer_key_id, table_name, record_id) DO UPDATE SET version = excluded.version, bundle_id = excluded.bundle_id,
         waiting_table = excluded.waiting_table, waiting_id = excluded.waiting_id, row = excluded.row, at = excluded.at
       WHERE excluded.version > exchange_pending.version`,
    ).run(table, row.id, row.version, peer.key_id, bundleId, waiting.table, waiting.id, JSON.stringify(row), this.now);
    this.note('pending', table, row.id as string, null);
  }

  /** How many records this sender has held back, counted once per import and kept up to date by hold(). */
  private heldBy(peerKeyId: string): number {
    let held = this.heldCounts.get(peerKeyId);
    if (held === undefined) {
      held = (prepared(this.db, 'SELECT count(*) AS n FROM exchange_pending WHERE peer_key_id = ?').get(peerKeyId) as { n: number }).n;
      this.heldCounts.set(peerKeyId, held);
    }
    return held;
  }

  /**
   * The records held back whose missing record is here now, taken as if they arrived now, judged again
   * from the sender that sent them (again and again: one may free another). Those of a sender revoked
   * meanwhile are dropped: nobody vouches for them any more.
   */
  private takeHeld(): void {
    for (let round = 0; round < 16; round += 1) {
      const held = prepared(this.db, 'SELECT peer_key_id, table_name, record_id, bundle_id, waiting_table, waiting_id, row FROM exchange_pending ORDER BY at, table_name, record_id').all() as {
        peer_key_id: string;
        table_name: string;
        record_id: string;
        bundle_id: string;
        waiting_table: string;
        waiting_id: string;
        row: string;
      }[];
      if (held.length === 0) return;
      const ready = held.filter((entry) => this.ownerOf(entry.waiting_table, entry.waiting_id) !== undefined || findPeer(this.db, entry.peer_key_id) === undefined);
      if (ready.length === 0) return;
      for (const entry of ready) {
        prepared(this.db, 'DELETE FROM exchange_pending WHERE peer_key_id = ? AND table_name = ? AND record_id = ?').run(entry.peer_key_id, entry.table_name, entry.record_id);
        this.heldCounts.delete(entry.peer_key_id);
        const peer = findPeer(this.db, entry.peer_key_id);
        if (!peer) continue;
        try {
          this.take(entry.table_name, JSON.parse(entry.row) as unknown, peer, entry.bundle_id);
        } catch (error) {
          if (!(error instanceof ForbiddenRecord)) throw error;
          this.heldRefusals.push({ refusal: error, bundleId: entry.bundle_id });
        }
      }
    }
  }

  /** Versions beyond the bound, by office: flagged, since only the owner writes them anyway. */
  clockAhead(): ClockAheadView[] {
    return [...this.ahead].map(([officeId, seen]) => ({ officeId, office: officeLabel(this.db, officeId), records: seen.records, newestAt: seen.newest }));
  }

  /** The range of local change sequences this import wrote (its records' provenance), or null. */
  written(): { first: number; last: number } | null {
    return this.seq > this.startSeq ? { first: this.startSeq + 1, last: this.seq } : null;
  }

  private valid(table: string, row: Record<string, unknown>): boolean {
    const columns = columnsOf(this.db, table);
    const keys = Object.keys(row);
    return (
      keys.length <= columns.size &&
      keys.every((key) => columns.has(key)) &&
      typeof row.id === 'string' &&
      row.id.length > 0 &&
      row.id.length <= 64 &&
      typeof row.office_id === 'string' &&
      row.office_id.length > 0 &&
      typeof row.version === 'string' &&
      VERSION.test(row.version) &&
      (row.base_version === null || (typeof row.base_version === 'string' && VERSION.test(row.base_version))) &&
      (row.deleted_at === null || typeof row.deleted_at === 'number')
    );
  }

  /** An office's own record (or a higher office's directory entry or campaign): kept with its owner. */
  private owned(table: RecordTable, incoming: Record<string, unknown> & RecordColumns, local: (Record<string, unknown> & RecordColumns) | undefined): void {
    const id = incoming.id;
    if (!local) return this.write(table, incoming, null, incoming.deleted_at === null ? 'new' : 'deleted');
    if (local.office_id !== incoming.office_id) return this.note('rejected', table, id, 'owner');
    if (local.version === incoming.version) return this.note('unchanged', table, id, null);
    const voids = incoming.deleted_at !== null && local.deleted_at === null;
    const takeIt = voids ? 'deleted' : 'updated';
    if (versionNode(local.version) !== this.me.nodeId) {
      // The local state came from elsewhere and was not edited here: the newer version wins.
      if (incoming.version < local.version) return this.note('unchanged', table, id, 'older');
      if (local.deleted_at !== null && incoming.deleted_at === null) return this.note('unchanged', table, id, 'voided_here');
      return this.write(table, incoming, local, takeIt);
    }
    // Edited here. Taken when it continues the local state; ignored when it is what the local edits
    // started from, or older; otherwise both sides changed the record: a conflict, unless equal.
    if (incoming.base_version === local.version) return this.write(table, incoming, local, takeIt);
    if (local.base_version !== null && incoming.version <= local.base_version) return this.note('unchanged', table, id, 'older');
    if (sameContent(incoming, local)) return this.note('unchanged', table, id, 'same_content');
    run(
      this.db,
      qb
        .insertInto('exchange_conflicts')
        .values({
          id: uuidv7(this.now),
          table_name: table,
          record_id: id,
          local_version: local.version,
          incoming_version: incoming.version,
          incoming: JSON.stringify(incoming),
          bundle_id: this.source.bundleId,
          sender_key_id: this.source.peer?.key_id ?? 'local',
          created_at: this.now,
          resolved_at: null,
          resolved_by: null,
          resolution: null,
        })
        .onConflict((c) => c.doNothing()),
    );
    return this.note('conflicts', table, id, 'concurrent');
  }

  /**
   * Reference data matched by its code: the higher office's content becomes this office's record. For
   * the tables that keep where a row came from (holidays, safety criteria; docs/decisions.md, "The
   * higher office's reference rows"), a row is applied only when the higher office changed it since the
   * last bundle: then it wins for its key, marked as the higher office's; sent again unchanged, it
   * leaves the office's edits and removals alone; the office's own rows for other keys stay beside it.
   */
  private keyed(table: KeyedReferenceTable, incoming: Record<string, unknown>): void {
    const keyColumn = keyedReference[table];
    const key = incoming[keyColumn];
    const tracked = upstreamTracked.has(table);
    const rows = all(
      this.db,
      qb
        .selectFrom(table as 'categories')
        .selectAll()
        .where(keyColumn as 'code', '=', key as string)
        .orderBy((eb) => eb('deleted_at', 'is not', null)),
    ) as (Record<string, unknown> & RecordColumns)[];
    const local = rows[0];
    const id = (local?.id ?? incoming.id) as string;
    const fields: Record<string, unknown> = Object.fromEntries(
      Object.entries(incoming).filter(([column]) => !this.recordColumn(column) && !upstreamColumns.includes(column)),
    );
    const ctx = { userId: this.userId, officeId: this.me.officeId, call: 'exchange.import' };
    if (tracked) {
      if (rows.some((row) => row.upstream_version === incoming.version)) return this.note('unchanged', table, id, null);
      Object.assign(fields, { origin: 'higher', upstream_version: incoming.version });
    }
    try {
      if (!local || local.deleted_at !== null) {
        if (incoming.deleted_at !== null) return this.note('unchanged', table, id, null);
        this.writes.insert(table, fields as never, ctx);
        return this.note('new', table, id, null);
      }
      if (incoming.deleted_at !== null) {
        // The higher office withdrew its row: the office's own row for the same key stays.
        if (tracked && local.origin !== 'higher') return this.note('unchanged', table, id, null);
        this.writes.void(table, local.id, String(incoming.void_reason ?? ''), ctx);
        return this.note('deleted', table, id, null);
      }
      const changed = Object.keys(fields).filter((column) => fields[column] !== local[column]);
      if (changed.length === 0) return this.note('unchanged', table, id, null);
      this.writes.update(table, local.id, local.version, Object.fromEntries(changed.map((c) => [c, fields[c]])) as never, ctx);
      return this.note('updated', table, id, null);
    } catch (error) {
      return this.note('rejected', table, id, rejection(error));
    }
  }

  /** A report written: kept for the index as inserted (rowid), or left out (null: updated). */
  private keepInserted(row: Record<string, unknown>, rowid: number | null): void {
    const id = row.id as string;
    if (rowid === null || !this.insertedKept || !searchRow(row)) this.inserted.delete(id);
    else if (this.inserted.size < indexTuning.keptReports) this.inserted.set(id, { ...reportParts(rowid, row, []), personIds: [] });
  }

  /**
   * A link written: a new live one adds its person to its report kept for the index (its rowid comes
   * after every link of that report, all written since the report); an updated one leaves its report out.
   */
  private keepLink(row: Record<string, unknown>, local: Record<string, unknown> | null): void {
    if (typeof row.report_id !== 'string' || (local && typeof local.report_id !== 'string')) {
      this.insertedKept = false;
      this.inserted.clear();
      return;
    }
    const report = this.inserted.get(row.report_id);
    if (local) {
      this.inserted.delete(row.report_id);
      this.inserted.delete(local.report_id as string);
    } else if (report && typeof row.person_id !== 'string') this.inserted.delete(row.report_id);
    else if (report && row.deleted_at === null) report.personIds.push(row.person_id as string);
  }

  /**
   * The insert of a row with these columns into `table`: a bundle's rows of one table have the same
   * columns in the same order, so the statement's key is built only when they change.
   */
  private insertSql(table: RecordTable, keys: readonly string[]): string {
    const last = this.lastInsert.get(table);
    if (last && last.keys.length === keys.length && last.keys.every((key, i) => key === keys[i])) return last.sql;
    const sql = statementSql(`insert ${table} ${keys.join(',')}`, () => qb.insertInto(table as 'reports').values(Object.fromEntries(keys.map((key) => [key, null])) as never));
    this.lastInsert.set(table, { keys, sql });
    return sql;
  }

  private recordColumn(column: string): boolean {
    return (recordColumnNames as readonly string[]).includes(column);
  }

  private write(table: RecordTable, incoming: Record<string, unknown>, local: Record<string, unknown> | null, outcome: Outcome): void {
    this.seq += 1;
    const values = { ...incoming, seq: this.seq };
    const summaries = table === 'reports' ? (this.summaries ??= new DeferredSummaries(this.db)) : null;
    let rowid = 0;
    try {
      if (local) {
        const columns = Object.keys(values).filter((column) => column !== 'id');
        const sql = statementSql(`update ${table} ${columns.join(',')}`, () =>
          qb
            .updateTable(table as 'reports')
            .set(Object.fromEntries(columns.map((column) => [column, null])) as never)
            .where('id', '=', ''),
        );
        prepared(this.db, sql).run(...columns.map((column) => values[column as keyof typeof values]), incoming.id);
      } else {
        const keys = Object.keys(values);
        rowid = Number(prepared(this.db, this.insertSql(table, keys)).run(...keys.map((key) => values[key as keyof typeof values])).lastInsertRowid);
      }
    } catch (error) {
      this.seq -= 1;
      if (!local && table === 'reports' && isSqliteCode(error, 'SQLITE_CONSTRAINT_UNIQUE') && this.renumbered(incoming)) return;
      return this.note('rejected', table, incoming.id as string, rejection(error));
    }
    if (this.source.peer !== null) this.knowOwner(table, incoming.id as string, incoming.office_id as string);
    summaries?.note(local, -1);
    summaries?.note(values, 1);
    // A version that continues this record settles any conflict still open on it.
    if (local) {
      prepared(this.db, "UPDATE exchange_conflicts SET resolved_at = ?, resolution = 'incoming' WHERE table_name = ? AND record_id = ? AND resolved_at IS NULL").run(
        this.now,
        table,
        incoming.id,
      );
    }
    if (table === 'reports') {
      this.reports.add(incoming.id as string);
      this.keepInserted(incoming, local ? null : rowid);
    }
    if (table === 'report_persons') {
      this.reports.add(incoming.report_id as string);
      this.keepLink(incoming, local);
    }
    if (table === 'persons') this.persons.add(incoming.id as string);
    if (table === 'reports' || table === 'issued_reports') this.advanceCounter(table, incoming);
    this.note(outcome, table, incoming.id as string, null);
  }

  /**
   * Two PCs of this office gave the same register number to two reports. The report received first
   * (then the smaller id) keeps it; the other takes this PC's next number, as a version made here. Both
   * PCs decide the same way, so they agree on who keeps it; if they give the loser different numbers,
   * that is a conflict for a person, like any other concurrent edit.
   */
  private renumbered(incoming: Record<string, unknown>): boolean {
    if (incoming.office_id !== this.me.officeId) return false;
    const clash = prepared(this.db, 'SELECT id, version, received_at FROM reports WHERE office_id = ? AND register_year = ? AND register_no = ? AND id <> ?').get(
      incoming.office_id,
      incoming.register_year,
      incoming.register_no,
      incoming.id,
    ) as { id: string; version: string; received_at: number } | undefined;
    if (!clash) return false;
    const year = incoming.register_year as number;
    const ctx = { userId: this.userId, officeId: this.me.officeId, call: 'exchange.import' };
    const received = incoming.received_at as number;
    const incomingKeeps = received < clash.received_at || (received === clash.received_at && (incoming.id as string) < clash.id);
    const next = nextRegisterNumber(this.db, this.me.officeId, 'reports', year);
    if (incomingKeeps) {
      this.writes.update('reports', clash.id, clash.version, { register_no: next } as never, ctx);
      this.reports.add(clash.id);
      this.inserted.delete(clash.id);
      this.write('reports', incoming, null, 'new');
    } else {
      this.write('reports', { ...incoming, register_no: next }, null, 'new');
      this.writes.resolve('reports', incoming.id as string, {} as never, incoming.version as string, ctx);
      this.inserted.delete(incoming.id as string);
    }
    return true;
  }

  /** A book number taken on another PC of this office: this PC's next number comes after it. */
  private advanceCounter(table: 'reports' | 'issued_reports', row: Record<string, unknown>): void {
    if (row.office_id !== this.me.officeId) return;
    const [book, year, no] = table === 'reports' ? ['reports', row.register_year, row.register_no] : ['BC', row.year, row.number];
    prepared(
      this.db,
      `INSERT INTO register_counters (office_id, book, year, last_no) VALUES (?, ?, ?, ?)
       ON CONFLICT (office_id, book, year) DO UPDATE SET last_no = max(last_no, excluded.last_no)`,
    ).run(row.office_id, book, year, no);
  }

  private note(outcome: Outcome, table: string, id: string, reason: Reason | null): void {
    this.counts[outcome] += 1;
    (this.byTable[table] ??= zeroCounts())[outcome] += 1;
    if (outcome === 'new' || outcome === 'updated' || (outcome === 'unchanged' && reason === null)) return;
    if (this.items.length < ITEM_LIMIT) this.items.push({ outcome, table: table.slice(0, 64), id, reason });
    else this.itemsLeftOut += 1;
  }

  /**
   * What the records changed: search index, the clock past every version seen, the change sequence.
   * A dry run leaves the index out: it is rolled back, and indexing cannot refuse a record.
   */
  finish(options: { index: boolean } = { index: true }): void {
    if (this.source.peer !== null) this.takeHeld();
    this.summaries?.finish();
    if (options.index) {
      // Each report written or naming a person written, indexed once (a bundle brings a person with
      // the reports naming them); the words of all, added to search_terms once.
      const reports = new Set(this.reports);
      for (const id of this.persons) for (const reportId of reportsOfPerson(this.db, id)) reports.add(reportId);
      const terms = new Set<string>();
      indexReports(this.db, reports, terms, (id) => this.inserted.get(id));
      addTerms(this.db, terms);
      if (reports.size > 0) mergeSearchIndex(this.db, 16 + reports.size / 4);
    }
    prepared(this.db, 'UPDATE clock_state SET wall = ?, counter = ?, seq = max(seq, ?) WHERE id = 1').run(this.clock.wall, this.clock.counter, this.seq);
  }
}

/**
 * The most reports an import keeps for the index as it wrote them (their own text, a few hundred bytes
 * each): a larger import reads the rest back, as before, so its memory stays bounded (docs/decisions.md,
 * seventh part of issue #23). A test lowers it; nothing else changes it.
 */
export const indexTuning = { keptReports: 25_000 };

const SEARCH_TEXT_COLUMNS = ['summary', 'description', 'address', 'reporter_name', 'reporter_address', 'transferred_to', 'decision_no'] as const;

/**
 * A report's row as written, when the store reads its search columns back the same (the numbers
 * integers, the text columns strings, the secrecy flag 0 or 1; a column left to its default, or a
 * value the store converts, is read back instead).
 */
function searchRow(row: Record<string, unknown>): row is Record<string, unknown> & ReportSearchRow {
  return (
    Number.isSafeInteger(row.register_no) &&
    Number.isSafeInteger(row.register_year) &&
    (row.reporter_anonymous === 0 || row.reporter_anonymous === 1) &&
    SEARCH_TEXT_COLUMNS.every((column) => typeof row[column] === 'string')
  );
}

function rejection(error: unknown): Reason {
  if (isSqliteCode(error, 'SQLITE_CONSTRAINT_UNIQUE') || isSqliteCode(error, 'SQLITE_CONSTRAINT_PRIMARYKEY')) return 'unique';
  if (isSqliteCode(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) return 'missing_parent';
  if (error instanceof AppError && error.code === 'record.duplicate') return 'unique';
  if (isSqliteCode(error, 'SQLITE_CONSTRAINT_CHECK') || isSqliteCode(error, 'SQLITE_CONSTRAINT_NOTNULL') || isSqliteCode(error, 'SQLITE_CONSTRAINT_DATATYPE')) return 'invalid';
  if (error instanceof RangeError || error instanceof TypeError) return 'invalid';
  throw error;
}

/**
 * The bulk path: complete record states written by this installation itself (generated and demo data)
 * through the same rules and derived data as an import — summaries (per batch), search index, book
 * counters, change sequence — in the caller's transaction. Returns the counts by outcome.
 */
export function writeRecords(db: Sqlite, writes: WritePath, records: Iterable<RecordLine>, by: { now: number; userId: string | null }): ImportCounts {
  const me = identity(db, by.now);
  const applier = new Applier(db, writes, me, { bundleId: 'local', peer: null }, by.userId, by.now);
  return db.transaction(() => {
    for (const line of records) applier.record(line.t, line.r);
    applier.finish();
    return { ...applier.counts };
  })();
}

export interface ImportRequest {
  readonly path: string;
  /** False: a dry run, everything rolled back; true: applied in one transaction. */
  readonly apply: boolean;
  readonly now: number;
  readonly userId: string | null;
  /** Told now and then how far the payload has been read, 0 to 1 (the import's worker passes it on to the screen). */
  readonly onProgress?: (read: number) => void;
}

/** A bundle whose signature, sender, schema version and kind were checked: its payload can be read. */
export interface VerifiedBundle {
  readonly opened: OpenedBundle;
  readonly me: Identity;
}

/**
 * Imports one bundle: checks the signature against the enrolled sender, decrypts it, checks the schema
 * version and the kind, then runs every record through the rules inside one transaction. A dry run
 * rolls the transaction back and returns the same summary the real run will give; a real run commits it
 * with the bundle's log entry, the sender's sequence and the audit entry. Anything wrong with the file
 * itself refuses the whole bundle and changes nothing.
 */
export function importBundle(db: Sqlite, writes: WritePath, request: ImportRequest): ImportSummary {
  return applyBundle(db, writes, verifyBundle(db, request.path, request.now), request);
}

/** The checks of a bundle before any of its content is trusted (importBundle's first half). */
export function verifyBundle(db: Sqlite, path: string, now: number): VerifiedBundle {
  const me = identity(db, now);
  let sender: ExchangePeersTable | undefined;
  const opened = openBundle(path, me, (header) => {
    sender = enrolledSender(db, header);
    return sender.sign_public;
  });
  const { header } = opened;
  if (header.schemaVersion > schemaVersion) {
    throw new AppError('exchange.newer_schema', `the bundle has schema ${header.schemaVersion}; this app knows up to ${schemaVersion}`, {
      params: { found: header.schemaVersion, known: schemaVersion },
    });
  }
  const expectedKind = sender!.role === 'parent' ? 'reference' : 'records';
  if (header.kind !== expectedKind) throw new AppError('exchange.wrong_kind', `a ${sender!.role} does not send ${header.kind} bundles`);
  return { opened, me };
}

/** The enrolled sender of a bundle; the header's claims are never repeated as fact (only the key id). */
function enrolledSender(db: Sqlite, header: OpenedBundle['header']): ExchangePeersTable {
  const sender = findPeer(db, header.sender.keyId);
  if (!sender || sender.office_id !== header.sender.officeId) {
    throw new AppError('exchange.unknown_sender', `the key ${header.sender.keyId} that signed the bundle is not enrolled here`, { params: { key: header.sender.keyId } });
  }
  return sender;
}

/**
 * Whether the sender's audit log still holds the entry its last bundle anchored here: the bundle names
 * the points its last bundles anchored, as its chain holds them now (docs/decisions.md, "Audit anchored
 * upstream"). Null when nothing was anchored yet or the chain holds it.
 */
function auditRewritten(peer: ExchangePeersTable, opened: OpenedBundle): { anchoredCount: number; count: number } | null {
  const { header, recipient } = opened;
  if (peer.anchor_count === 0 || peer.anchor_hash === null) return null;
  const count = header.audit?.count ?? 0;
  const point = (recipient.auditAnchors ?? []).find((anchor) => anchor.count === peer.anchor_count);
  // The anchored entry must be named (a sender that drops it, or the whole head, is not trusted to hold it).
  const holds = point ? point.hash === peer.anchor_hash : count === peer.anchor_count && header.audit?.hash === peer.anchor_hash;
  return holds ? null : { anchoredCount: peer.anchor_count, count };
}

/** Keeps what a sender did that this office must see, in its own transaction when the import's is rolled back. */
function keepAlert(db: Sqlite, peer: ExchangePeersTable, kind: ExchangeAlertKind, bundleId: string, detail: unknown, by: { now: number; userId: string | null }): void {
  // Once per sender, bundle and kind: checking the same file again (the dry run, then the import) adds nothing.
  const { changes } = prepared(
    db,
    `INSERT INTO exchange_alerts (peer_key_id, at, kind, bundle_id, detail)
     SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM exchange_alerts WHERE peer_key_id = ? AND bundle_id = ? AND kind = ?)`,
  ).run(peer.key_id, by.now, kind, bundleId, JSON.stringify(detail), peer.key_id, bundleId, kind);
  if (changes === 0) return;
  appendAudit(db, { at: by.now, userId: by.userId, call: 'exchange.import', action: `exchange_${kind}`, recordId: bundleId, after: { sender: peer.office_code, ...(detail as object) } });
}

/**
 * Runs a verified bundle's records through the rules in one transaction (importBundle's second half).
 * The sender and its sequence are read again here: a caller may have waited between the two halves (for
 * the backup before an import), and the sender may have been revoked or sent another bundle meanwhile.
 */
export function applyBundle(db: Sqlite, writes: WritePath, bundle: VerifiedBundle, request: ImportRequest): ImportSummary {
  const { opened, me } = bundle;
  const { header, recipient } = opened;
  const peer = enrolledSender(db, header);
  const duplicate = first(db, qb.selectFrom('exchange_bundles').select('bundle_id').where('bundle_id', '=', header.bundleId).where('direction', '=', 'received')) !== undefined;
  const expected = peer.received_seq + 1;
  const chainBroken = recipient.seq === expected && peer.received_seq > 0 && recipient.previousHash !== peer.received_hash;
  const gap = !duplicate && (recipient.seq > expected || chainBroken) ? { expected, got: recipient.seq, chainBroken } : null;
  const rewritten = duplicate ? null : auditRewritten(peer, opened);
  const by = { now: request.now, userId: request.userId };

  let summary: ImportSummary | undefined;
  let heldRefusals: Applier['heldRefusals'] = [];
  const transaction = db.transaction(() => {
    const applier = new Applier(db, writes, me, { bundleId: header.bundleId, peer }, request.userId, request.now);
    readPayload(opened, applier, request.onProgress);
    applier.finish({ index: request.apply });
    heldRefusals = applier.heldRefusals;
    summary = {
      bundleId: header.bundleId,
      kind: header.kind,
      mode: header.mode,
      createdAt: header.createdAt,
      // Who sent it is who enrolled the key, never what the header says.
      sender: { officeId: peer.office_id, officeCode: peer.office_code, officeName: peer.office_name, keyId: peer.key_id, role: peer.role },
      appVersion: header.appVersion ?? null,
      seq: recipient.seq,
      gap,
      duplicate,
      referenceVersion: header.referenceVersion,
      records: applier.records,
      counts: applier.counts,
      byTable: applier.byTable,
      items: applier.items,
      itemsLeftOut: applier.itemsLeftOut,
      clockAhead: applier.clockAhead(),
      auditRewritten: rewritten,
      // A bundle imported before changes nothing at all the second time.
      applied: request.apply && !duplicate,
    };
    if (!summary.applied) throw new DryRun();
    record(db, peer, opened, summary, applier.written(), request);
    for (const held of heldRefusals) keepAlert(db, held.refusal.peer, 'forged', held.bundleId, held.refusal.detail, by);
    for (const ahead of summary.clockAhead) keepAlert(db, peer, 'clock_ahead', header.bundleId, ahead, by);
    if (rewritten) keepAlert(db, peer, 'audit_rewritten', header.bundleId, rewritten, by);
  });
  try {
    transaction.immediate();
  } catch (error) {
    if (error instanceof ForbiddenRecord) {
      // Nothing of the bundle was written and the sender's sequence stays; the refusal itself is kept.
      db.transaction(() => keepAlert(db, error.peer, 'forged', header.bundleId, error.detail, by)).immediate();
      throw error;
    }
    if (!(error instanceof DryRun)) throw error;
  }
  return summary!;
}

/** Lines read between two reports of progress. */
const PROGRESS_EVERY = 500;

/** Reads every line; the manifest must come last and match the lines before it (hashed by `lines` as they were sent). */
function readPayload(opened: OpenedBundle, applier: Applier, onProgress?: (read: number) => void): void {
  const digest = createHash('sha256');
  const counts: Record<string, number> = {};
  let manifest: ManifestLine['manifest'] | null = null;
  let lines = 0;
  for (const text of opened.lines(digest)) {
    if (onProgress && (lines += 1) % PROGRESS_EVERY === 0) onProgress(opened.read());
    if (manifest) throw bad('lines after the manifest');
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      throw bad('a payload line is not JSON');
    }
    if (typeof line !== 'object' || line === null) throw bad('a payload line is not an object');
    if ('manifest' in line) {
      manifest = (line as ManifestLine).manifest;
      continue;
    }
    const { t, r } = line as RecordLine;
    if (typeof t !== 'string') throw bad('a payload line names no table');
    counts[t] = (counts[t] ?? 0) + 1;
    applier.record(t, r);
  }
  if (!manifest) throw bad('the manifest is missing');
  if (manifest.sha256 !== digest.digest('hex') || JSON.stringify(sortKeys(manifest.counts)) !== JSON.stringify(sortKeys(counts))) {
    throw bad('the manifest does not match the records');
  }
}

function sortKeys(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

function record(db: Sqlite, peer: ExchangePeersTable, opened: OpenedBundle, summary: ImportSummary, written: { first: number; last: number } | null, request: ImportRequest): void {
  const { header, recipient } = opened;
  run(
    db,
    qb.insertInto('exchange_bundles').values({
      bundle_id: header.bundleId,
      direction: 'received',
      peer_key_id: peer.key_id,
      kind: header.kind,
      mode: header.mode,
      seq: recipient.seq,
      previous_hash: recipient.previousHash,
      hash: opened.hash,
      at: request.now,
      by: request.userId,
      records: summary.records,
      summary: JSON.stringify(summary.counts),
      gap: summary.gap ? JSON.stringify(summary.gap) : null,
      first_seq: written?.first ?? null,
      last_seq: written?.last ?? null,
      audit_count: header.audit?.count ?? null,
    }),
  );
  // What the newest bundle says moves on; an older bundle arriving late changes none of it. "Last
  // received" is the newest bundle's creation time (never later than now), not when a file arrived.
  const newest = recipient.seq > peer.received_seq;
  const created = Math.min(header.createdAt, request.now);
  run(
    db,
    qb
      .updateTable('exchange_peers')
      .set({
        received_seq: Math.max(peer.received_seq, recipient.seq),
        received_hash: newest ? opened.hash : peer.received_hash,
        received_at: newest ? Math.max(peer.received_at ?? 0, created) : peer.received_at,
        reference_version: Math.max(peer.reference_version, header.referenceVersion),
        ...(newest && header.appVersion ? { app_version: header.appVersion } : {}),
        ...(newest && header.audit ? { anchor_count: header.audit.count, anchor_hash: header.audit.hash } : {}),
      })
      .where('key_id', '=', peer.key_id),
  );
  appendAudit(db, {
    at: request.now,
    userId: request.userId,
    call: 'exchange.import',
    action: 'import',
    recordId: header.bundleId,
    after: { sender: peer.office_code, kind: header.kind, seq: recipient.seq, counts: summary.counts, gap: summary.gap },
  });
}
