import { legacyPersonFields, type LegacyPersonField, type LegacyWordField } from '../../api/calls/legacy';
import { personInput } from '../../api/calls/register';
import type { LegacyCandidateView, LegacyCellIssue, LegacyPreview } from '../../api/views';
import { genders, type Gender } from '../../api/vocabulary';
import { localDate, type IsoDate } from '../../core/calendar';
import { fold } from '../../core/fold';
import { shownDate } from '../../core/legacy-dates';
import { programEnd } from '../../core/programs';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { findByCitizenId, findPerson, matchPerson, personForInput, type PersonFields } from '../persons';
import { createProgram, endProgram } from '../programs';
import { prepared } from '../query';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { linkRecord, startImport } from './imports';
import type { LegacyFile } from './read-file';
import { clean, dateReason, officerByName, outcomeTally, prepareSheet, previewOf, proposeFrom, requiredFields, valueFromPhrases, wordTable, type Mapping, type SavedMapping, type SheetOptions } from './sheet-plan';

/**
 * The import of an office's registers of persons under management (issue 22; docs/domain.md, "Legacy
 * registers"): drug users, persons after rehabilitation, persons back from prison… Each row is a person
 * and, when the register says which program (a column, or the kind chosen for the whole file), their
 * management program. A person is never imported twice: the same citizen ID is the person the office
 * has (matched; the program is added if they lack it); the same folded name and birth year is only
 * proposed (possible), and merged only when the user confirms it in the dry run; otherwise a new
 * person. Every rule of the normal path holds: the person's fields pass the create call's validation
 * (api/calls/register.ts personInput), persons and programs are written by db/persons.ts and
 * db/programs.ts (program end dates, check-ins, ending), through the write path (audited), and each
 * record remembers the file and row it came from.
 */

const headerWords: Record<LegacyPersonField, readonly string[]> = {
  fullName: ['ho ten', 'ho va ten', 'ho ten doi tuong', 'ten doi tuong', 'doi tuong', 'ho ten nguoi', 'ten'],
  otherNames: ['ten goi khac', 'ten khac', 'biet danh', 'bi danh'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'phai'],
  birthDate: ['ngay sinh', 'nam sinh', 'sinh nam', 'ngay thang nam sinh', 'sinh ngay'],
  citizenId: ['cccd', 'so cccd', 'can cuoc', 'can cuoc cong dan', 'so can cuoc', 'so dinh danh', 'so dinh danh ca nhan', 'cmnd', 'so cmnd', 'cmnd cccd', 'so cmnd cccd'],
  permanentAddress: ['noi thuong tru', 'thuong tru', 'dia chi thuong tru', 'dia chi', 'ho khau thuong tru', 'hktt', 'noi dang ky thuong tru'],
  temporaryAddress: ['tam tru', 'noi tam tru', 'dia chi tam tru', 'noi o hien nay', 'cho o hien nay'],
  notes: ['ghi chu', 'ghi chu khac', 'ket qua quan ly'],
  programKind: ['dien quan ly', 'loai doi tuong', 'dien', 'phan loai', 'loai', 'doi tuong quan ly', 'hinh thuc quan ly'],
  decisionNo: ['so quyet dinh', 'quyet dinh', 'so qd', 'qd so'],
  startDate: ['ngay bat dau', 'tu ngay', 'ngay quan ly', 'bat dau quan ly', 'ngay ve dia phuong', 'ngay chap hanh xong', 'ngay ra trai', 'ngay tiep nhan', 'thoi gian bat dau'],
  endDate: ['ngay ket thuc', 'den ngay', 'ket thuc quan ly', 'het han quan ly', 'ngay het han', 'thoi gian ket thuc'],
  officer: ['can bo quan ly', 'can bo phu trach', 'can bo', 'nguoi quan ly'],
};

/** Each field to the column whose header names it best. */
export function proposePersonMapping(headers: readonly string[]): Mapping<LegacyPersonField> {
  return proposeFrom(headerWords, headers);
}

/** The office's words for its registers, to the program kinds the app is seeded with (core/programs.ts). */
const programWords: readonly (readonly [string, string])[] = [
  ['nghien', 'drug_user'],
  ['nghien ma tuy', 'drug_user'],
  ['su dung ma tuy', 'drug_user'],
  ['su dung trai phep', 'drug_user'],
  ['nguoi su dung', 'drug_user'],
  ['sau cai', 'post_rehab_voluntary'],
  ['sau cai tu nguyen', 'post_rehab_voluntary'],
  ['methadone', 'post_rehab_methadone'],
  ['dieu tri thay the', 'post_rehab_methadone'],
  ['sau cai bat buoc', 'post_rehab_adult'],
  ['cai bat buoc', 'post_rehab_adult'],
  ['duoi 18', 'post_rehab_minor'],
  ['cai tai gia dinh', 'community_rehab'],
  ['cai tai cong dong', 'community_rehab'],
  ['tu ve', 'released_prisoner'],
  ['tu tha ve', 'released_prisoner'],
  ['ra tu', 'released_prisoner'],
  ['mang an', 'released_prisoner'],
  ['chap hanh xong an', 'released_prisoner'],
  ['dac xa', 'released_prisoner'],
  ['an treo', 'suspended_sentence'],
  ['giao duc tai xa', 'commune_education'],
  ['giao duc tai phuong', 'commune_education'],
  ['truy na', 'wanted'],
];

const genderWords: readonly (readonly [string, Gender])[] = [
  ['nam', 'male'],
  ['trai', 'male'],
  ['m', 'male'],
  ['nu', 'female'],
  ['gai', 'female'],
  ['f', 'female'],
];

const isGender = (value: string): value is Gender => (genders as readonly string[]).includes(value);

/** A person and their program ready to be written, and where they came from. */
export interface PlannedPerson {
  readonly sourceRow: number;
  /** The person the office has (matched, or merged by the user); null: a new person from `person`. */
  readonly personId: string | null;
  readonly person: PersonFields;
  readonly program: {
    readonly kindCode: string;
    readonly decisionNo: string;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate | null;
    readonly endOverrideReason: string;
    readonly officerId: string | null;
    /** Ended before the import: ended on its end date, as completed. */
    readonly ended: boolean;
  } | null;
}

export interface PersonImportPlan {
  readonly preview: LegacyPreview;
  readonly persons: readonly PlannedPerson[];
  readonly mapping: Mapping<LegacyPersonField>;
  readonly sheet: string;
  readonly headerRow: number;
}

export interface PersonOptions extends SheetOptions {
  readonly programKind: string | null;
  readonly merges: readonly { row: number; id: string }[];
}

/** The source of an imported record, as its notes say it. */
export const provenanceNote = (fileName: string, row: number): string => `Nhập từ sổ cũ: ${fileName}, dòng ${row}`;

/** The dry run of importing a register of persons under management; changes nothing. */
export function planPersonImport(
  db: Sqlite,
  file: LegacyFile,
  fileName: string,
  options: PersonOptions,
  env: { officeId: string; now: number; saved: (key: string) => SavedMapping | null },
): PersonImportPlan {
  const sheet = prepareSheet(file, options, {
    fields: legacyPersonFields,
    propose: proposePersonMapping,
    ...requiredFields.persons,
    saved: env.saved,
  });
  const { text, raw, issue } = sheet;
  const kinds = prepared(db, 'SELECT code, name_vi, months FROM program_kinds WHERE deleted_at IS NULL').all() as { code: string; name_vi: string; months: number | null }[];
  const kindByCode = new Map(kinds.map((k) => [k.code, k]));
  const words = wordTable(sheet.values, (field: LegacyWordField, word: string) => {
    if (field === 'gender') return valueFromPhrases(genderWords, word);
    if (field !== 'programKind') return null;
    const folded = fold(word);
    const named = kinds.find((k) => fold(k.name_vi) === folded || k.code === folded);
    if (named) return named.code;
    const proposed = valueFromPhrases(programWords, word);
    return proposed !== null && kindByCode.has(proposed) ? proposed : null;
  });
  if (options.programKind !== null && !kindByCode.has(options.programKind)) {
    throw new AppError('validation', `no program kind ${options.programKind}`, { fields: { programKind: 'v.invalid' } });
  }

  const officerNamed = officerByName(db, env.officeId);
  const sameProgram = prepared(db, 'SELECT 1 FROM programs WHERE person_id = ? AND kind_code = ? AND start_date = ? AND deleted_at IS NULL');
  const today = localDate(env.now);
  const currentYear = Number(today.slice(0, 4));
  const bounds = { currentYear, minYear: 1900 };
  const merges = new Map(options.merges.map((m) => [m.row, m.id]));
  const inFile = new Map<string, number>();
  // The programs this file adds to persons on record: a second row with the same one adds nothing.
  const plannedPrograms = new Set<string>();

  const persons: PlannedPerson[] = [];
  const tally = outcomeTally(sheet.dataRows.length);

  for (const row of sheet.dataRows) {
    const refusals: LegacyCellIssue[] = [];
    const notes: LegacyCellIssue[] = [];
    const extra: string[] = [];

    // The birth: a full date, or a year alone (a number or four digits), as registers often have.
    let birthDate: IsoDate | null = null;
    let birthYear: number | null = null;
    const birthCell = raw(row, 'birthDate');
    const birthText = text(row, 'birthDate');
    // Four digits are a year (a number cell too: never a day counted from 1900), taken from 1900 to this
    // year; any other, like a birth date after today, is kept in the notes.
    const year = birthCell && typeof birthCell.value === 'number' ? birthCell.value : /^\d{4}$/.test(birthText) ? Number(birthText) : null;
    const yearLike = year !== null && Number.isInteger(year) && year >= 1000 && year <= 9999;
    if (yearLike && year >= bounds.minYear && year <= currentYear) birthYear = year;
    else if (birthText !== '') {
      const birth = yearLike ? null : sheet.date(row, 'birthDate', bounds);
      if (birth?.kind === 'date' && birth.date <= today) birthDate = birth.date;
      else {
        notes.push(issue('birthDate', 'legacy.reason.birth_kept_as_note', birthText));
        extra.push(`Ngày sinh (sổ cũ): ${birthText}`);
      }
    }

    // The citizen ID: twelve digits (a number cell lost its leading zeros); an old nine-digit CMND is kept in the notes.
    const idCell = raw(row, 'citizenId');
    let citizenText = idCell && typeof idCell.value === 'number' ? String(idCell.value) : text(row, 'citizenId').replace(/[\s.]/g, '');
    if (idCell && typeof idCell.value === 'number' && citizenText.length >= 10 && citizenText.length < 12) citizenText = citizenText.padStart(12, '0');
    let citizenId: string | null = null;
    if (/^\d{9}$/.test(citizenText)) {
      extra.push(`CMND cũ: ${citizenText}`);
      notes.push(issue('citizenId', 'legacy.reason.old_id_kept_as_note', citizenText));
    } else if (citizenText !== '') citizenId = citizenText;

    let gender: Gender = 'unknown';
    const genderText = text(row, 'gender');
    if (genderText !== '') {
      const value = words.valueOf('gender', genderText);
      if (value === null || !isGender(value)) refusals.push(issue('gender', 'legacy.reason.unmapped', genderText));
      else gender = value;
    }

    // The officer: a user of the office by name, else the name kept in the notes.
    let officerId: string | null = null;
    const officerText = text(row, 'officer');
    if (officerText !== '') {
      officerId = officerNamed(officerText);
      if (officerId === null) {
        extra.push(`Cán bộ quản lý (sổ cũ): ${officerText}`);
        notes.push(issue('officer', 'legacy.reason.officer_kept_in_notes', officerText));
      }
    }

    const ownNotes = text(row, 'notes');
    const parsed = personInput.safeParse({
      fullName: text(row, 'fullName'),
      otherNames: text(row, 'otherNames'),
      gender,
      birthDate,
      birthYear,
      citizenId,
      permanentAddress: text(row, 'permanentAddress'),
      temporaryAddress: text(row, 'temporaryAddress'),
      localityId: null,
      notes: clean([ownNotes, ...extra, provenanceNote(fileName, row.number)].filter((t) => t !== '').join('\n')),
    });
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const path = String(problem.path[0] ?? 'fullName');
        const field: LegacyPersonField = path === 'birthYear' ? 'birthDate' : path in headerWords ? (path as LegacyPersonField) : 'fullName';
        const value = field === 'notes' ? ownNotes : field === 'citizenId' ? citizenText : text(row, field);
        const key = problem.message.startsWith('v.') ? problem.message : 'v.invalid';
        refusals.push(issue(field, value === '' ? 'legacy.reason.required' : key, value));
      }
    }

    // The program: its kind (the row's word, else the file's), start, end.
    let program: PlannedPerson['program'] = null;
    const kindText = text(row, 'programKind');
    let kindCode: string | null = options.programKind;
    if (kindText !== '') {
      const value = words.valueOf('programKind', kindText);
      if (value === null || !kindByCode.has(value)) refusals.push(issue('programKind', 'legacy.reason.unmapped', kindText));
      else kindCode = value;
    }
    if (kindCode !== null) {
      const kind = kindByCode.get(kindCode)!;
      const start = sheet.date(row, 'startDate', bounds);
      const endText = text(row, 'endDate');
      const end = sheet.date(row, 'endDate', bounds);
      const decisionNo = text(row, 'decisionNo');
      if (start.kind !== 'date') refusals.push(issue('startDate', dateReason(start), start.note));
      else if (start.date > today) refusals.push(issue('startDate', 'legacy.reason.future', text(row, 'startDate')));
      if (endText !== '' && end.kind !== 'date') refusals.push(issue('endDate', dateReason(end), end.note));
      if ([...decisionNo].length > 60) refusals.push(issue('decisionNo', 'legacy.reason.too_long', decisionNo));
      if (start.kind === 'date') {
        const computed = kind.months === null ? null : programEnd(start.date, kind.months);
        const endDate = end.kind === 'date' ? end.date : computed;
        if (endDate === null) refusals.push(issue('endDate', 'legacy.reason.end_required', ''));
        else if (endDate < start.date) refusals.push(issue('endDate', 'legacy.reason.end_before_start', endText));
        else {
          // An end date the register gives over the computed one: the register is the reason (programs need one).
          const overridden = end.kind === 'date' && computed !== null && end.date !== computed;
          program = {
            kindCode,
            decisionNo,
            startDate: start.date,
            endDate: end.kind === 'date' ? end.date : null,
            endOverrideReason: overridden ? `Theo sổ cũ: ${fileName}, dòng ${row.number}` : '',
            officerId,
            ended: endDate < today,
          };
        }
      }
    }

    // Who they are: the same citizen ID, a merge the user confirmed, or maybe the same name and birth year.
    let matchedId: string | null = null;
    let candidates: LegacyCandidateView[] = [];
    const person = parsed.success ? parsed.data : null;
    if (refusals.length === 0 && person !== null) {
      const merged = merges.get(row.number);
      const twin = person.citizenId ? inFile.get(person.citizenId) : undefined;
      if (twin !== undefined) refusals.push(issue('citizenId', 'legacy.reason.citizen_id_twice', `${person.citizenId} (${twin})`));
      else if (person.citizenId && findByCitizenId(db, person.citizenId)) matchedId = findByCitizenId(db, person.citizenId)!.id;
      else {
        const match = matchPerson(db, { fullName: person.fullName, birthYear: person.birthDate ? Number(person.birthDate.slice(0, 4)) : person.birthYear, citizenId: person.citizenId ?? '' });
        // Someone with another citizen ID is someone else.
        candidates = match.similar
          .filter((p) => !(person.citizenId && p.citizenId && p.citizenId !== person.citizenId))
          .map((p) => ({ id: p.id, name: p.fullName, birthYear: p.birthYear, citizenId: p.citizenId, address: p.permanentAddress }));
        if (merged !== undefined) {
          // Only one of the proposed records: a merge is the user's confirmation of a proposal.
          if (!candidates.some((c) => c.id === merged) || findPerson(db, merged)?.deleted_at !== null) refusals.push(issue('fullName', 'legacy.reason.merge_gone', person.fullName));
          else matchedId = merged;
        }
      }
      if (person.citizenId) inFile.set(person.citizenId, row.number);
    }

    const outcome = refusals.length > 0 ? 'refused' : matchedId !== null ? 'matched' : candidates.length > 0 ? 'possible' : 'new';
    const programKey = matchedId !== null && program !== null ? `${matchedId}|${program.kindCode}|${program.startDate}` : null;
    const hasProgram = programKey !== null && (plannedPrograms.has(programKey) || sameProgram.get(matchedId, program!.kindCode, program!.startDate) !== undefined);
    if (programKey !== null) plannedPrograms.add(programKey);
    const writes = outcome === 'new' || outcome === 'possible' || (outcome === 'matched' && program !== null && !hasProgram);
    if (outcome === 'matched' && hasProgram) notes.push(issue('programKind', 'legacy.reason.program_exists', kindCode ?? ''));
    tally.add(outcome, { writes, flagged: outcome !== 'refused' && notes.length > 0 }, () => ({
      row: row.number,
      outcome,
      registerNo: null,
      registerYear: null,
      receivedOn: null,
      summary: person?.fullName ?? text(row, 'fullName').slice(0, 100),
      reporterName: '',
      status: null,
      issues: outcome === 'refused' ? refusals : notes,
      matchedId,
      shown: [
        person?.fullName ?? text(row, 'fullName').slice(0, 100),
        birthDate ? shownDate(birthDate) : birthYear !== null ? String(birthYear) : '',
        citizenId ?? '',
        kindCode !== null ? `programKind:${kindCode}` : '',
        program ? shownDate(program.startDate) : '',
        program?.endDate ? shownDate(program.endDate) : '',
      ],
      candidates,
      writes,
    }));
    if (!writes || person === null) continue;
    persons.push({ sourceRow: row.number, personId: matchedId, person, program: hasProgram ? null : program });
  }

  const preview = previewOf('persons', file, fileName, sheet, {
    values: words.list(),
    tally,
    shownFields: ['lg.person.fullName', 'lg.person.birthDate', 'lg.person.citizenId', 'lg.person.programKind', 'lg.person.startDate', 'lg.person.endDate'],
  });
  return { preview, persons, mapping: sheet.mapping, sheet: sheet.sheet.name, headerRow: sheet.headerRow };
}

/**
 * Writes the plan in one transaction: new persons through db/persons.ts, their programs through
 * db/programs.ts (a program that ended before the import is ended on its end date, as completed).
 */
export function applyPersonImport(
  db: Sqlite,
  writes: WritePath,
  plan: PersonImportPlan,
  ctx: WriteContext,
  meta: { fileName: string; now: number; backup: string | null },
  onProgress?: (done: number, total: number) => void,
): string {
  return db.transaction(() => {
    const importId = startImport(db, ctx, { ...meta, register: 'persons', sheet: plan.sheet, headerRow: plan.headerRow, mapping: plan.mapping, records: plan.persons.length });
    let created = 0;
    let programs = 0;
    for (const [index, planned] of plan.persons.entries()) {
      // Told every 500: each record is written through the write path, with its history and index.
      if (onProgress && index % 500 === 0) onProgress(index, plan.persons.length);
      let personId = planned.personId;
      if (personId === null) {
        personId = personForInput(db, writes, planned.person, ctx).id;
        linkRecord(db, importId, 'persons', personId, planned.sourceRow);
        created += 1;
      }
      if (planned.program === null) continue;
      const { ended, ...fields } = planned.program;
      const program = createProgram(db, writes, { ...fields, personId, decisionDate: null }, ctx);
      linkRecord(db, importId, 'programs', program.id, planned.sourceRow);
      programs += 1;
      if (ended) endProgram(db, writes, program.id, program.version, { on: program.end_date ?? fields.startDate, reason: 'completed', note: provenanceNote(meta.fileName, planned.sourceRow) }, ctx);
    }
    appendAudit(db, { at: meta.now, userId: ctx.userId, call: ctx.call, action: 'import', table: 'legacy_imports', recordId: importId, after: { legacyFile: meta.fileName, sheet: plan.sheet, register: 'persons', persons: created, programs } });
    return importId;
  })();
}
