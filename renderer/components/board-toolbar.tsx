import type { BoardQuery } from '../data/board-query';
import { useI18n } from '../i18n';

/**
 * The two choices of a board of due items (Nhắc việc, Tụ điểm đến hạn): the window in days and the
 * section shown, both kept in the address by useBoardQuery.
 */
export function BoardToolbar<S extends string>({ id, board, sections }: { readonly id: string; readonly board: BoardQuery<S>; readonly sections: readonly { readonly value: S; readonly label: string }[] }) {
  const { t } = useI18n();
  return (
    <div className="toolbar-row">
      <div className="field">
        <label htmlFor={`${id}-window`} className="field-label">
          {t('reminders.window')}
        </label>
        <select id={`${id}-window`} className="input input-short" value={board.within} onChange={(event) => board.setWithin(Number(event.target.value))}>
          {board.windows.map((days) => (
            <option key={days} value={days}>
              {t('reminders.days', { days })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-show`} className="field-label">
          {t('deadlines.show')}
        </label>
        <select
          id={`${id}-show`}
          className="input input-medium"
          value={board.show ?? ''}
          onChange={(event) => board.setShow(sections.find((s) => s.value === event.target.value)?.value ?? null)}
        >
          <option value="">{t('common.all')}</option>
          {sections.map((section) => (
            <option key={section.value} value={section.value}>
              {section.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
