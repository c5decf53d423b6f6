import type { ImportedFromView } from '../../api/views';
import { formatDateAndTime } from '../format';
import { useI18n } from '../i18n';

/**
 * Where a record came from when an import of an old register wrote it (issue 22): the file, sheet and
 * row, when and by whom. On the person and hotspot pages and in a report's history.
 */
export function ImportedFrom({ source }: { readonly source: ImportedFromView }) {
  const { t } = useI18n();
  return (
    <span className="imported-from">
      {t('lg.importedFrom', { file: source.fileName, sheet: source.sheet, row: source.row })}
      {' ('}
      {t('lg.importedBy', { at: formatDateAndTime(source.at), user: source.userName ?? t('history.system') })}
      {')'}
    </span>
  );
}
