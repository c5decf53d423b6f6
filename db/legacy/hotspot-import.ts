import { legacyHotspotFields, type LegacyHotspotField, type LegacyWordField } from '../../api/calls/legacy';
import { hotspotInput } from '../../api/calls/hotspots';
import type { LegacyCandidateView, LegacyCellIssue, LegacyPreview } from '../../api/views';
import { hotspotRisks, hotspotStatuses, hotspotTypes, type HotspotRisk, type HotspotStatus, type HotspotType } from '../../api/vocabulary';
import { localDate, type IsoDate } from '../../core/calendar';
import { fold } from '../../core/fold';
import { shownDate } from '../../core/legacy-dates';
import { appendAudit } from '../audit';
import { createHotspot, setStatus, type HotspotFields } from '../hotspots';
import { prepared } from '../query';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { linkRecord, startImport } from './imports';
import { provenanceNote } from './person-import';
import type { LegacyFile } from './read-file';
import { clean, dateReason, foldHeader, outcomeTally, prepareSheet, previewOf, proposeFrom, requiredFields, valueFromPhrases, wordTable, type Mapping, type SavedMapping, type SheetOptions } from './sheet-plan';

/**
 * The import of an office's watchlists of hotspots (issue 22; docs/domain.md, "Legacy registers"):
 * drug, gambling, illegal-lottery places… Each row is a hotspot, created by db/hotspots.ts as the create
 * call does (validated by its input, its history begun, its next review set), then moved to the status
 * the register gives (a dated status change, kept in its history). A hotspot of the same folded name
 * and address is one the office has (matched, not imported twice); the same name elsewhere is only
 * proposed (possible), and merged only when the user confirms it.
 */

const headerWords: Record<LegacyHotspotField, readonly string[]> = {
  name: ['ten', 'ten tu diem', 'tu diem', 'ten dia diem', 'ten diem', 'dia diem', 'ten tu diem diem phuc tap', 'diem phuc tap'],
  type: ['loai', 'loai tu diem', 'tinh chat', 'hanh vi', 'loai hinh', 'phan loai'],
  address: ['dia chi', 'noi', 'vi tri', 'khu vuc'],
  description: ['mo ta', 'dac diem', 'ghi chu', 'noi dung', 'tinh hinh'],
  risk: ['muc do', 'muc do phuc tap', 'muc do nguy hiem', 'nguy co'],
  foundOn: ['ngay phat hien', 'ngay', 'thoi gian phat hien', 'ngay dua vao theo doi', 'ngay lap'],
  status: ['tinh trang', 'trang thai', 'ket qua', 'ket qua xu ly', 'hien trang'],
};

/** Each field to the column whose header names it best. */
export function proposeHotspotMapping(headers: readonly string[]): Mapping<LegacyHotspotField> {
  return proposeFrom(headerWords, headers);
}

const typeWords: readonly (readonly [string, HotspotType])[] = [
  ['ma tuy', 'drug_use'],
  ['su dung ma tuy', 'drug_use'],
  ['tu tap su dung', 'drug_use'],
  ['ban ma tuy', 'drug_dealing'],
  ['mua ban ma tuy', 'drug_dealing'],
  ['ban le ma tuy', 'drug_dealing'],
  ['co bac', 'gambling'],
  ['danh bac', 'gambling'],
  ['xoc dia', 'gambling'],
  ['da ga', 'gambling'],
  ['lo de', 'illegal_lottery'],
  ['so de', 'illegal_lottery'],
  ['ghi de', 'illegal_lottery'],
  ['ca do', 'football_betting'],
  ['ca do bong da', 'football_betting'],
  ['mai dam', 'prostitution'],
  ['mua dam', 'prostitution'],
  ['ban dam', 'prostitution'],
  ['khac', 'other'],
];

const statusWords: readonly (readonly [string, HotspotStatus])[] = [
  ['nghi van', 'suspected'],
  ['dang hoat dong', 'active'],
  ['hoat dong', 'active'],
  ['phuc tap', 'active'],
  ['theo doi', 'under_watch'],
  ['dang theo doi', 'under_watch'],
  ['triet pha', 'raided'],
  ['da triet pha', 'raided'],
  ['xoa', 'cleared'],
  ['da xoa', 'cleared'],
  ['giai toa', 'cleared'],
  ['het hoat dong', 'cleared'],
  ['chuyen hoa', 'cleared'],
  ['tai hoat dong', 'relapsed'],
  ['phuc hoi', 'relapsed'],
  ['hoat dong tro lai', 'relapsed'],
];

const riskWords: readonly (readonly [string, HotspotRisk])[] = [
  ['cao', 'high'],
  ['rat phuc tap', 'high'],
  ['nghiem trong', 'high'],
  ['trung binh', 'medium'],
  ['phuc tap', 'medium'],
  ['thap', 'low'],
  ['it phuc tap', 'low'],
];

const isType = (v: string): v is HotspotType => (hotspotTypes as readonly string[]).includes(v);
const isStatus = (v: string): v is HotspotStatus => (hotspotStatuses as readonly string[]).includes(v);
const isRisk = (v: string): v is HotspotRisk => (hotspotRisks as readonly string[]).includes(v);

export interface PlannedHotspot {
  readonly sourceRow: number;
  readonly fields: HotspotFields;
  readonly status: HotspotStatus;
}

export interface HotspotImportPlan {
  readonly preview: LegacyPreview;
  readonly hotspots: readonly PlannedHotspot[];
  readonly mapping: Mapping<LegacyHotspotField>;
  readonly sheet: string;
  readonly headerRow: number;
}

export interface HotspotOptions extends SheetOptions {
  readonly hotspotType: HotspotType | null;
  readonly merges: readonly { row: number; id: string }[];
}

/** The dry run of importing a watchlist of hotspots; changes nothing. */
export function planHotspotImport(
  db: Sqlite,
  file: LegacyFile,
  fileName: string,
  options: HotspotOptions,
  env: { officeId: string; now: number; saved: (key: string) => SavedMapping | null },
): HotspotImportPlan {
  const sheet = prepareSheet(file, options, {
    fields: legacyHotspotFields,
    propose: proposeHotspotMapping,
    ...requiredFields.hotspots,
    saved: env.saved,
  });
  const { text, issue } = sheet;
  const words = wordTable(sheet.values, (field: LegacyWordField, word: string) => {
    if (field === 'type') return valueFromPhrases(typeWords, word);
    if (field === 'status') return valueFromPhrases(statusWords, word);
    if (field === 'risk') return valueFromPhrases(riskWords, word);
    return null;
  });
  // The office's own hotspots only: another office's (received in its bundles) are that office's to keep.
  const sameName = prepared(db, 'SELECT id, name, address FROM hotspots WHERE office_id = ? AND name_fold = ? AND deleted_at IS NULL LIMIT 20');
  const today = localDate(env.now);
  const bounds = { currentYear: Number(today.slice(0, 4)), minYear: 1975 };
  const merges = new Map(options.merges.map((m) => [m.row, m.id]));
  const inFile = new Map<string, number>();

  const hotspots: PlannedHotspot[] = [];
  const tally = outcomeTally(sheet.dataRows.length);

  for (const row of sheet.dataRows) {
    const refusals: LegacyCellIssue[] = [];
    const notes: LegacyCellIssue[] = [];

    let type: HotspotType | null = options.hotspotType;
    const typeText = text(row, 'type');
    if (typeText !== '') {
      const value = words.valueOf('type', typeText);
      if (value === null || !isType(value)) refusals.push(issue('type', 'legacy.reason.unmapped', typeText));
      else type = value;
    }
    if (type === null && typeText === '') refusals.push(issue('type', 'legacy.reason.required', ''));
    let status: HotspotStatus = 'suspected';
    const statusText = text(row, 'status');
    if (statusText !== '') {
      const value = words.valueOf('status', statusText);
      if (value === null || !isStatus(value)) refusals.push(issue('status', 'legacy.reason.unmapped', statusText));
      else status = value;
    }
    let risk: HotspotRisk = 'medium';
    const riskText = text(row, 'risk');
    if (riskText !== '') {
      const value = words.valueOf('risk', riskText);
      if (value === null || !isRisk(value)) refusals.push(issue('risk', 'legacy.reason.unmapped', riskText));
      else risk = value;
    }
    const found = sheet.date(row, 'foundOn', bounds);
    let foundOn: IsoDate | null = null;
    if (found.kind !== 'date') refusals.push(issue('foundOn', dateReason(found), found.note));
    else if (found.date > today) refusals.push(issue('foundOn', 'legacy.reason.future', text(row, 'foundOn')));
    else foundOn = found.date;

    const description = clean([text(row, 'description'), provenanceNote(fileName, row.number)].filter((t) => t !== '').join('\n'));
    const parsed = hotspotInput.safeParse({ name: text(row, 'name'), type: type ?? 'other', address: text(row, 'address'), description, risk, foundOn: foundOn ?? today });
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const path = String(problem.path[0] ?? 'name');
        const field: LegacyHotspotField = path in headerWords ? (path as LegacyHotspotField) : 'name';
        const value = text(row, field);
        refusals.push(issue(field, value === '' ? 'legacy.reason.required' : problem.message.startsWith('v.') ? problem.message : 'v.invalid', value));
      }
    }

    // The office has it: the same name at the same address; the same name elsewhere is only proposed.
    let matchedId: string | null = null;
    let candidates: LegacyCandidateView[] = [];
    if (refusals.length === 0 && parsed.success) {
      const key = `${fold(parsed.data.name)}|${foldHeader(parsed.data.address)}`;
      const twin = inFile.get(key);
      const merged = merges.get(row.number);
      const same = (sameName.all(env.officeId, fold(parsed.data.name)) as { id: string; name: string; address: string }[]);
      const exact = same.find((h) => foldHeader(h.address) === foldHeader(parsed.data.address));
      if (twin !== undefined) refusals.push(issue('name', 'legacy.reason.hotspot_twice', `${parsed.data.name} (${twin})`));
      else if (exact) matchedId = exact.id;
      else {
        candidates = same.map((h) => ({ id: h.id, name: h.name, birthYear: null, citizenId: null, address: h.address }));
        // Only one of the proposed hotspots: a merge is the user's confirmation of a proposal.
        if (merged !== undefined) {
          if (!candidates.some((c) => c.id === merged)) refusals.push(issue('name', 'legacy.reason.merge_gone', parsed.data.name));
          else matchedId = merged;
        }
      }
      inFile.set(key, row.number);
    }

    const outcome = refusals.length > 0 ? 'refused' : matchedId !== null ? 'matched' : candidates.length > 0 ? 'possible' : 'new';
    const writes = outcome === 'new' || outcome === 'possible';
    tally.add(outcome, { writes, flagged: outcome !== 'refused' && notes.length > 0 }, () => ({
      row: row.number,
      outcome,
      registerNo: null,
      registerYear: null,
      receivedOn: foundOn ? shownDate(foundOn) : null,
      summary: text(row, 'name').slice(0, 200),
      reporterName: '',
      status: null,
      issues: outcome === 'refused' ? refusals : notes,
      matchedId,
      shown: [text(row, 'name').slice(0, 200), type ? `hotspotType.${type}` : '', text(row, 'address').slice(0, 300), foundOn ? shownDate(foundOn) : '', `hotspotStatus.${status}`],
      candidates,
      writes,
    }));
    if (writes && parsed.success) hotspots.push({ sourceRow: row.number, fields: parsed.data, status });
  }

  const preview = previewOf('hotspots', file, fileName, sheet, {
    values: words.list(),
    tally,
    shownFields: ['lg.hotspot.name', 'lg.hotspot.type', 'lg.hotspot.address', 'lg.hotspot.foundOn', 'lg.hotspot.status'],
  });
  return { preview, hotspots, mapping: sheet.mapping, sheet: sheet.sheet.name, headerRow: sheet.headerRow };
}

/** Writes the plan in one transaction: each hotspot created as the create call does, then moved to its status, dated the day it was found. */
export function applyHotspotImport(
  db: Sqlite,
  writes: WritePath,
  plan: HotspotImportPlan,
  ctx: WriteContext,
  meta: { fileName: string; now: number; backup: string | null },
  onProgress?: (done: number, total: number) => void,
): string {
  return db.transaction(() => {
    const importId = startImport(db, ctx, { ...meta, register: 'hotspots', sheet: plan.sheet, headerRow: plan.headerRow, mapping: plan.mapping, records: plan.hotspots.length });
    for (const [index, planned] of plan.hotspots.entries()) {
      // Told every 500: each record is written through the write path, with its history and index.
      if (onProgress && index % 500 === 0) onProgress(index, plan.hotspots.length);
      const hotspot = createHotspot(db, writes, planned.fields, ctx);
      linkRecord(db, importId, 'hotspots', hotspot.id, planned.sourceRow);
      if (planned.status !== 'suspected') setStatus(db, writes, hotspot.id, hotspot.version, planned.status, planned.fields.foundOn, provenanceNote(meta.fileName, planned.sourceRow), ctx);
    }
    appendAudit(db, { at: meta.now, userId: ctx.userId, call: ctx.call, action: 'import', table: 'legacy_imports', recordId: importId, after: { legacyFile: meta.fileName, sheet: plan.sheet, register: 'hotspots', records: plan.hotspots.length } });
    return importId;
  })();
}
