import { useState } from 'react';
import type { CallError, Result } from '../../api/result';
import type { ReportRow } from '../../api/views';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { Button } from './button';
import { Notice } from './notice';
import { Panel } from './panel';
import { ReportSearch } from './report-search';

export interface LinkReportPanelProps<T> {
  /** Id of the panel's heading; the search field's id is derived from it. */
  readonly id: string;
  readonly title: string;
  /** The search field's label and hint, as the page words it. */
  readonly label: string;
  readonly hint: string;
  /** Reports already linked, left out of the results. */
  readonly exclude: readonly string[];
  readonly link: (reportId: string) => Promise<Result<T>>;
  readonly onDone: (report: ReportRow) => void;
  readonly onCancel: () => void;
}

/**
 * Linking a register report to a record (a hotspot, a campaign): the report is found by its number or
 * words of it and linked when chosen; a refused link is said in the panel, which stays open.
 */
export function LinkReportPanel<T>({ id, title, label, hint, exclude, link, onDone, onCancel }: LinkReportPanelProps<T>) {
  const { t } = useI18n();
  const [error, setError] = useState<CallError | null>(null);
  return (
    <Panel id={id} title={title}>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      <ReportSearch
        id={`${id}-search`}
        label={label}
        hint={hint}
        exclude={exclude}
        onChoose={(report) => void link(report.id).then((result) => (result.ok ? onDone(report) : setError(result.error)))}
      />
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
