import { useState } from 'react';
import { genders, hotspotRisks, hotspotStatuses, hotspotTypes, reportKinds } from '../../../api/vocabulary';
import {
  LEGACY_FILE_MAX_BYTES,
  legacyFieldsOf,
  legacyRegisters,
  legacyStatusValues,
  legacyTextEncodings,
  type LegacyField,
  type LegacyRegister,
  type LegacyWordField,
} from '../../../api/calls/legacy';
import type { CallInput } from '../../../api/contract';
import type { CallError } from '../../../api/result';
import type { LegacyImportView, LegacyPreview, LegacyRowView, LegacyTextEncoding, LegacyValueView, ProgramKindView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { FileField } from '../../components/file-field';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { ProgressLine } from '../../components/progress-line';
import { JobProgress } from './job-progress';
import { percentOf, uploadInChunks, type ChunkProgress } from '../../data/chunks';
import { useCall } from '../../data/use-call';
import { describeError } from '../../errors';
import { formatDateAndTime, formatNumber } from '../../format';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n';
import { useCan } from '../../session/session-context';
import { NoAccess } from '../no-access';
import { kindName } from '../people/kind-name';

type Options = Omit<CallInput<'legacy.preview'>, 'uploadId'>;

type State =
  | { readonly kind: 'idle'; readonly notice?: MessageKey }
  | { readonly kind: 'uploading'; readonly progress: ChunkProgress | null }
  | { readonly kind: 'checking'; readonly uploadId: string }
  | { readonly kind: 'preview'; readonly uploadId: string; readonly options: Options; readonly preview: LegacyPreview; readonly busy: boolean; readonly error: CallError | null }
  | { readonly kind: 'applied'; readonly preview: LegacyPreview }
  | { readonly kind: 'failed'; readonly error: CallError | MessageKey };

/** The import of an office's old registers (issue 22): crime reports, persons under management, hotspots; chiefs and administrators. */
export function LegacyImportPage() {
  const { t } = useI18n();
  const canImport = useCan('office.lead');
  return (
    <Page title={t('lg.title')} wide>
      {canImport ? <LegacyImport /> : <NoAccess />}
    </Page>
  );
}

/** An error in words: a file's refusal by its own message, anything else as the app describes it. */
function errorText(t: ReturnType<typeof useI18n>['t'], error: CallError | MessageKey): string {
  if (typeof error === 'string') return t(error);
  const fileKey = error.fields?.file;
  if (fileKey && isMessageKey(fileKey)) return t(fileKey);
  const mappingKey = error.fields?.mapping;
  return mappingKey && isMessageKey(mappingKey) ? t(mappingKey) : describeError(t, error);
}

/** A field's label: the crime-report register's fields under lg.field.*, the others under their register. */
export function fieldLabel(t: ReturnType<typeof useI18n>['t'], register: LegacyRegister, field: string): string {
  const key = register === 'reports' ? `lg.field.${field}` : `lg.${register === 'persons' ? 'person' : 'hotspot'}.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

const columnLetter = (column: number): string => (column < 26 ? String.fromCharCode(65 + column) : `${columnLetter(Math.floor(column / 26) - 1)}${String.fromCharCode(65 + (column % 26))}`);

function LegacyImport() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [register, setRegister] = useState<LegacyRegister>('reports');
  const [imports, reloadImports] = useCall('legacy.imports', {});
  const working = state.kind === 'uploading' || state.kind === 'checking' || (state.kind === 'preview' && state.busy);

  const receive = async (file: File) => {
    if (file.size > LEGACY_FILE_MAX_BYTES) return setState({ kind: 'failed', error: 'legacy.too_big' });
    setState({ kind: 'uploading', progress: null });
    let uploaded;
    try {
      uploaded = await uploadInChunks(
        file.size,
        async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
        (piece) => invoke('legacy.upload', { ...piece, fileName: file.name }),
        (progress) => setState({ kind: 'uploading', progress }),
      );
    } catch {
      return setState({ kind: 'failed', error: 'lg.fileUnreadable' });
    }
    if (!uploaded.ok) return setState({ kind: 'failed', error: uploaded.error });
    const uploadId = uploaded.value.uploadId;
    setState({ kind: 'checking', uploadId });
    const preview = await invoke('legacy.preview', { uploadId, register });
    // Stopped by the user's own Hủy: said as information, not as an error.
    if (!preview.ok && preview.error.fields?.file === 'legacy.cancelled') return setState({ kind: 'idle', notice: 'lg.cancelled' });
    if (!preview.ok) return setState({ kind: 'failed', error: preview.error });
    setState({ kind: 'preview', uploadId, options: { register }, preview: preview.value, busy: false, error: null });
  };

  /** The dry run again with changed options; the last good dry run stays shown if it is refused. */
  const rerun = async (current: Extract<State, { kind: 'preview' }>, options: Options) => {
    setState({ ...current, options, busy: true, error: null });
    const result = await invoke('legacy.preview', { uploadId: current.uploadId, ...options });
    if (!result.ok) return setState({ ...current, options, busy: false, error: result.error });
    setState({ ...current, options, preview: result.value, busy: false, error: null });
  };

  const apply = async (current: Extract<State, { kind: 'preview' }>) => {
    setState({ ...current, busy: true, error: null });
    const result = await invoke('legacy.apply', { uploadId: current.uploadId, ...current.options });
    if (!result.ok) return setState({ ...current, busy: false, error: result.error });
    setState({ kind: 'applied', preview: result.value });
    reloadImports();
  };

  return (
    <>
      <section className="card" aria-labelledby="legacy-file">
        <h2 id="legacy-file">{t('lg.fileSection')}</h2>
        <p className="muted">{t('lg.explain')}</p>
        <div className="form-row">
          <label>
            {t('lg.register')}{' '}
            <select value={register} disabled={working || state.kind === 'preview'} onChange={(e) => setRegister(e.target.value as LegacyRegister)}>
              {legacyRegisters.map((r) => (
                <option key={r} value={r}>
                  {t(`lg.register.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted">{t('lg.registerHint')}</p>
        <FileField id="legacy-file-input" label={t('lg.file')} hint={t('lg.fileHint')} accept=".xlsx,.csv,.xls" disabled={working} onFile={(file) => void receive(file)} />
        {state.kind === 'idle' && state.notice ? <Notice kind="info">{t(state.notice)}</Notice> : null}
        {state.kind === 'uploading' ? (
          <ProgressLine label={t('lg.file')} value={state.progress?.done ?? 0} max={state.progress?.total ?? 1} text={t('lg.uploading', { percent: state.progress ? percentOf(state.progress) : 0 })} />
        ) : null}
        {state.kind === 'checking' ? <JobProgress uploadId={state.uploadId} /> : null}
        {state.kind === 'failed' ? <Notice kind="error">{errorText(t, state.error)}</Notice> : null}
        {state.kind === 'applied' ? (
          <Notice kind="success">
            {state.preview.register === 'reports' ? t('lg.applied', { count: formatNumber(state.preview.counts.new) }) : t('lg.appliedRecords', { count: formatNumber(state.preview.counts.writes) })}
          </Notice>
        ) : null}
      </section>
      {state.kind === 'preview' ? (
        <PreviewSection
          state={state}
          onOptions={(options) => void rerun(state, options)}
          onApply={() => void apply(state)}
          onCancel={() => setState({ kind: 'idle', notice: 'lg.cancelled' })}
        />
      ) : null}
      <section className="card" aria-labelledby="legacy-imports">
        <h2 id="legacy-imports">{t('lg.imports')}</h2>
        <LoadedView loaded={imports}>{(list) => <ImportsTable imports={list} onUndone={reloadImports} />}</LoadedView>
      </section>
    </>
  );
}

function PreviewSection({
  state,
  onOptions,
  onApply,
  onCancel,
}: {
  readonly state: Extract<State, { kind: 'preview' }>;
  readonly onOptions: (options: Options) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const { preview, options, busy } = state;
  const register = preview.register;
  const [headerRow, setHeaderRow] = useState(String(preview.headerRow));
  const [mappingName, setMappingName] = useState(preview.savedMapping ?? '');
  const [saved, setSaved] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [kinds] = useCall('programs.kinds', {});
  const mapping = preview.columns.filter((c) => c.field !== null).map((c) => ({ column: c.column, field: c.field as LegacyField }));
  const encodings = preview.columns.map((c) => ({ column: c.column, encoding: c.encoding }));
  const fields: readonly LegacyField[] = legacyFieldsOf[register];
  const saveMapping = async () => {
    const values = preview.values.filter((v) => v.value !== null).map((v) => ({ field: v.field, word: v.word, value: v.value! }));
    const result = await invoke('legacy.saveMapping', { register, name: mappingName, headers: preview.columns.map((c) => c.header), mapping, values });
    setSaved(result.ok ? { kind: 'success', text: t('lg.mappingSaved', { name: result.value.name }) } : { kind: 'error', text: errorText(t, result.error) });
  };
  const withField = (column: number, field: LegacyField | '') => [
    ...mapping.filter((m) => m.column !== column && m.field !== field),
    ...(field === '' ? [] : [{ column, field }]),
  ];
  const k = preview.counts;
  return (
    <section className="card" aria-labelledby="legacy-preview">
      <h2 id="legacy-preview">{t('lg.rows')}</h2>
      <div className="form-row">
        <label>
          {t('lg.sheet')}{' '}
          <select value={preview.sheet} disabled={busy} onChange={(e) => onOptions({ ...options, sheet: e.target.value, headerRow: null, mapping: null, encodings: [] })}>
            {preview.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} {s.hidden ? t('lg.hidden') : ''}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('lg.headerRow')}{' '}
          <input type="number" min={1} size={4} value={headerRow} disabled={busy} onChange={(e) => setHeaderRow(e.target.value)} />
        </label>{' '}
        <Button small disabled={busy} onClick={() => onOptions({ ...options, headerRow: Number(headerRow) >= 1 ? Math.floor(Number(headerRow)) : null, mapping: null })}>
          {t('lg.rerun')}
        </Button>
      </div>
      {preview.savedMapping ? <Notice kind="info">{t('lg.usingSaved', { name: preview.savedMapping })}</Notice> : null}
      {register === 'reports' ? (
        <label className="checkbox-line">
          <input type="checkbox" checked={options.allOpen ?? false} disabled={busy} onChange={(e) => onOptions({ ...options, allOpen: e.target.checked })} /> {t('lg.allOpen')}
        </label>
      ) : null}
      {register === 'persons' ? (
        <div className="form-row">
          <label>
            {t('lg.programKind')}{' '}
            <select value={options.programKind ?? ''} disabled={busy} onChange={(e) => onOptions({ ...options, mapping, programKind: e.target.value === '' ? null : e.target.value })}>
              <option value="">{t('lg.noProgram')}</option>
              {(kinds.status === 'ready' ? kinds.value : []).map((k) => (
                <option key={k.code} value={k.code}>
                  {k.nameVi}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {register === 'hotspots' ? (
        <div className="form-row">
          <label>
            {t('lg.hotspotType')}{' '}
            <select
              value={options.hotspotType ?? ''}
              disabled={busy}
              onChange={(e) => onOptions({ ...options, mapping, hotspotType: e.target.value === '' ? null : (e.target.value as (typeof hotspotTypes)[number]) })}
            >
              <option value="">{t('lg.chooseType')}</option>
              {hotspotTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`hotspotType.${type}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <table className="table">
        <caption>{t('lg.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lg.column')}</th>
            <th scope="col">{t('lg.header')}</th>
            <th scope="col">{t('lg.field')}</th>
            <th scope="col">{t('lg.encoding')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => (
            <tr key={c.column}>
              <td>{columnLetter(c.column)}</td>
              <td>{c.header}</td>
              <td>
                <select
                  aria-label={`${t('lg.field')} ${columnLetter(c.column)}`}
                  value={c.field ?? ''}
                  disabled={busy}
                  onChange={(e) => onOptions({ ...options, mapping: withField(c.column, e.target.value as LegacyField | '') })}
                >
                  <option value="">{t('lg.notImported')}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(t, register, f)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`${t('lg.encoding')} ${columnLetter(c.column)}`}
                  value={c.encoding}
                  disabled={busy}
                  onChange={(e) =>
                    onOptions({ ...options, mapping, encodings: encodings.map((x) => (x.column === c.column ? { column: c.column, encoding: e.target.value as LegacyTextEncoding } : x)) })
                  }
                >
                  {legacyTextEncodings.map((enc) => (
                    <option key={enc} value={enc}>
                      {t(`lg.enc.${enc}`)}
                    </option>
                  ))}
                </select>{' '}
                {c.encoding !== c.detected ? <span className="muted">{t('lg.detected', { encoding: t(`lg.enc.${c.detected}`) })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <label>
          {t('lg.mappingName')} <input value={mappingName} maxLength={100} disabled={busy} onChange={(e) => setMappingName(e.target.value)} />
        </label>{' '}
        <Button small disabled={busy || mappingName.trim() === '' || mapping.length === 0} onClick={() => void saveMapping()}>
          {t('lg.saveMapping')}
        </Button>
      </div>
      {saved ? <Notice kind={saved.kind}>{saved.text}</Notice> : null}
      <p role="status">
        {register === 'reports'
          ? t('lg.counts', { rows: formatNumber(k.rows), new: formatNumber(k.new), flagged: formatNumber(k.flagged), refused: formatNumber(k.refused), matched: formatNumber(k.matched) })
          : t('lg.countsRecords', { rows: formatNumber(k.rows), new: formatNumber(k.new), possible: formatNumber(k.possible), flagged: formatNumber(k.flagged), refused: formatNumber(k.refused), matched: formatNumber(k.matched) })}
      </p>
      {state.error ? <Notice kind="error">{errorText(t, state.error)}</Notice> : null}
      {preview.values.length > 0 ? (
        <WordsTable
          preview={preview}
          kinds={kinds.status === 'ready' ? kinds.value : []}
          busy={busy}
          onValue={(v, value) =>
            onOptions({
              ...options,
              mapping,
              values: [
                ...(options.values ?? []).filter((x) => !(x.field === v.field && x.word === v.word)),
                ...(value === '' ? [] : [{ field: v.field, word: v.word, value }]),
              ],
            })
          }
        />
      ) : null}
      <div className="table-wrap">
        {register === 'reports' ? (
          <RowsTable rows={preview.rows} />
        ) : (
          <RecordRowsTable
            preview={preview}
            kinds={kinds.status === 'ready' ? kinds.value : []}
            merges={options.merges ?? []}
            busy={busy}
            onMerges={(merges) => onOptions({ ...options, mapping, merges })}
          />
        )}
      </div>
      {busy ? <JobProgress uploadId={state.uploadId} /> : null}
      <div className="form-actions">
        <Button variant="primary" busy={busy} disabled={k.writes === 0} onClick={onApply}>
          {register === 'reports' ? t('lg.apply', { count: formatNumber(k.new) }) : t('lg.applyRecords', { count: formatNumber(k.writes) })}
        </Button>
        {/* While it works, the progress line's own button stops it. */}
        {busy ? null : <Button onClick={onCancel}>{t('lg.cancel')}</Button>}
      </div>
    </section>
  );
}

function RowsTable({ rows }: { readonly rows: readonly LegacyRowView[] }) {
  const { t } = useI18n();
  const statusText = (status: string | null) => {
    if (status === null) return '';
    const [base] = status.split(':');
    const key = `reportStatus.${base ?? ''}`;
    const decisionKey = `decision.${status.split(':')[1] ?? ''}`;
    const decision = status.includes(':') && isMessageKey(decisionKey) ? ` (${t(decisionKey)})` : '';
    return isMessageKey(key) ? `${t(key)}${decision}` : status;
  };
  return (
    <table className="table dry-run-rows">
      <caption className="sr-only">{t('lg.rows')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lg.row')}</th>
          <th scope="col">{t('lg.outcome')}</th>
          <th scope="col">{t('lg.number')}</th>
          <th scope="col">{t('lg.received')}</th>
          <th scope="col">{t('lg.summary')}</th>
          <th scope="col">{t('lg.reporter')}</th>
          <th scope="col">{t('lg.status')}</th>
          <th scope="col">{t('lg.issues')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.row} className={row.outcome === 'refused' ? 'row-refused' : undefined}>
            <td>{row.row}</td>
            <td>{t(`lg.outcome.${row.outcome}`)}</td>
            <td>{row.registerNo !== null && row.registerYear !== null ? `${row.registerNo}/${row.registerYear}` : ''}</td>
            <td>{row.receivedOn ?? ''}</td>
            <td>{row.summary}</td>
            <td>{row.reporterName}</td>
            <td>{statusText(row.status)}</td>
            <td>
              {row.issues
                .map((i) => `${isMessageKey(`lg.field.${i.field}`) ? t(`lg.field.${i.field}` as MessageKey) : i.field}: ${isMessageKey(i.reason) ? t(i.reason) : i.reason}${i.text ? ` «${i.text}»` : ''}`)
                .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The app's values a word field may take, with their labels: what the words table offers. */
function wordChoices(t: ReturnType<typeof useI18n>['t'], lang: 'vi' | 'en', field: LegacyWordField, kinds: readonly ProgramKindView[]): { value: string; label: string }[] {
  const keyed = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: isMessageKey(`${prefix}.${value}`) ? t(`${prefix}.${value}` as MessageKey) : value }));
  switch (field) {
    case 'kind':
      return keyed(reportKinds, 'kind');
    case 'status':
      return legacyStatusValues.map((value) => {
        const [status, decision] = value.split(':');
        const label = decision ? `decision.${decision}` : `reportStatus.${status ?? ''}`;
        return { value, label: isMessageKey(label) ? t(label) : value };
      });
    case 'programKind':
      return kinds.map((k) => ({ value: k.code, label: kindName(lang, kinds, k.code) }));
    case 'type':
      return keyed(hotspotTypes, 'hotspotType');
    case 'gender':
      return keyed(genders, 'gender');
    case 'risk':
      return keyed(hotspotRisks, 'risk');
  }
}

/** A hotspot register's "status" words are hotspot statuses; a crime register's, report statuses. */
function wordField(register: LegacyRegister, field: LegacyWordField): LegacyWordField | 'hotspotStatus' {
  return register === 'hotspots' && field === 'status' ? 'hotspotStatus' : field;
}

/** The office's own words in the word columns, each with the app's value the user may change. */
function WordsTable({
  preview,
  kinds,
  busy,
  onValue,
}: {
  readonly preview: LegacyPreview;
  readonly kinds: readonly ProgramKindView[];
  readonly busy: boolean;
  readonly onValue: (word: LegacyValueView, value: string) => void;
}) {
  const { t, lang } = useI18n();
  const choicesOf = (field: LegacyWordField) => {
    const which = wordField(preview.register, field);
    if (which === 'hotspotStatus') return hotspotStatuses.map((value) => ({ value, label: t(`hotspotStatus.${value}`) }));
    return wordChoices(t, lang, which, kinds);
  };
  return (
    <table className="table">
      <caption>{t('lg.words')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lg.field')}</th>
          <th scope="col">{t('lg.word')}</th>
          <th scope="col">{t('lg.wordCount')}</th>
          <th scope="col">{t('lg.wordValue')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.values.map((v) => (
          <tr key={`${v.field}|${v.word}`}>
            <td>{fieldLabel(t, preview.register, v.field)}</td>
            <td>{v.word}</td>
            <td>{formatNumber(v.count)}</td>
            <td>
              <select aria-label={`${t('lg.wordValue')}: ${v.word}`} value={v.value ?? ''} disabled={busy} onChange={(e) => onValue(v, e.target.value)}>
                <option value="">{t('lg.notMapped')}</option>
                {choicesOf(v.field).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The rows of a register of persons or hotspots: their values, and for a possible duplicate the choice to merge. */
function RecordRowsTable({
  preview,
  kinds,
  merges,
  busy,
  onMerges,
}: {
  readonly preview: LegacyPreview;
  readonly kinds: readonly ProgramKindView[];
  readonly merges: readonly { row: number; id: string }[];
  readonly busy: boolean;
  readonly onMerges: (merges: { row: number; id: string }[]) => void;
}) {
  const { t, lang } = useI18n();
  const cell = (value: string) => {
    if (value.startsWith('programKind:')) return kindName(lang, kinds, value.slice('programKind:'.length));
    return isMessageKey(value) ? t(value) : value;
  };
  const mergedInto = new Map(merges.map((m) => [m.row, m.id]));
  return (
    <table className="table dry-run-rows">
      <caption className="sr-only">{t('lg.rows')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lg.row')}</th>
          <th scope="col">{t('lg.outcome')}</th>
          {preview.shownFields.map((key) => (
            <th key={key} scope="col">
              {isMessageKey(key) ? t(key) : key}
            </th>
          ))}
          <th scope="col">{t('lg.issues')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((row) => {
          const choice = mergedInto.get(row.row);
          const choosing = row.outcome === 'possible' || choice !== undefined;
          return (
            <tr key={row.row} className={row.outcome === 'refused' ? 'row-refused' : undefined}>
              <td>{row.row}</td>
              <td>{t(`lg.outcome.${row.outcome}`)}</td>
              {row.shown.map((value, i) => (
                // Dates, years and citizen IDs are not broken across lines.
                <td key={i} className={/^[\d/]+$/.test(value) ? 'nowrap' : undefined}>
                  {cell(value)}
                </td>
              ))}
              <td>
                {issuesText(t, preview.register, row)}
                {choosing && row.candidates.length > 0 ? (
                  <label className="block">
                    {t('lg.mergeChoice')}{' '}
                    <select
                      value={choice ?? ''}
                      disabled={busy}
                      onChange={(e) => onMerges([...merges.filter((m) => m.row !== row.row), ...(e.target.value === '' ? [] : [{ row: row.row, id: e.target.value }])])}
                    >
                      <option value="">{t('lg.mergeNone')}</option>
                      {row.candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {t('lg.mergeInto', {
                            name: c.name,
                            details: `${c.birthYear !== null ? t('lg.bornIn', { year: String(c.birthYear) }) : ''}${c.citizenId ? t('lg.cccd', { id: c.citizenId }) : ''}${c.address ? t('lg.at', { address: c.address }) : ''}`,
                          })}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function issuesText(t: ReturnType<typeof useI18n>['t'], register: LegacyRegister, row: LegacyRowView): string {
  return row.issues.map((i) => `${fieldLabel(t, register, i.field)}: ${isMessageKey(i.reason) ? t(i.reason) : i.reason}${i.text ? ` «${i.text}»` : ''}`).join('; ');
}

function ImportsTable({ imports, onUndone }: { readonly imports: readonly LegacyImportView[]; readonly onUndone: () => void }) {
  const { t } = useI18n();
  const [undoing, setUndoing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  if (imports.length === 0) return <p className="muted">{t('lg.importsEmpty')}</p>;
  const undo = async (id: string) => {
    const result = await invoke('legacy.undo', { importId: id, reason });
    if (!result.ok) return setMessage({ kind: 'error', text: errorText(t, result.error) });
    setMessage({ kind: 'success', text: t('lg.undoDone', { count: formatNumber(result.value.records) }) });
    setUndoing(null);
    setReason('');
    onUndone();
  };
  return (
    <>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <table className="table">
        <caption className="sr-only">{t('lg.imports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lg.importAt')}</th>
            <th scope="col">{t('lg.importRegister')}</th>
            <th scope="col">{t('lg.importFile')}</th>
            <th scope="col">{t('lg.importBy')}</th>
            <th scope="col">{t('lg.importRecords')}</th>
            <th scope="col">{t('lg.undo')}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>{formatDateAndTime(i.at)}</td>
              <td>{t(`lg.register.${i.register}`)}</td>
              <td>
                {i.fileName} ({i.sheet})
              </td>
              <td>{i.userName ?? ''}</td>
              <td>{formatNumber(i.records)}</td>
              <td>
                {i.undoneAt !== null ? (
                  t('lg.undone', { reason: i.undoReason ?? '' })
                ) : undoing === i.id ? (
                  <>
                    <label>
                      {t('lg.undoReason')} <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                    </label>{' '}
                    <Button small variant="danger" disabled={reason.trim() === ''} onClick={() => void undo(i.id)}>
                      {t('lg.undoConfirm')}
                    </Button>
                  </>
                ) : (
                  <Button small onClick={() => setUndoing(i.id)}>
                    {t('lg.undo')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
