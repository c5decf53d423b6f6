import type { Result } from '../../api/result';
import { useI18n } from '../i18n';
import { ReasonPanel } from './reason-panel';

export interface UnlinkPanelProps<T> {
  readonly linkId: string;
  /** What is being taken off, as the panel's title says it. */
  readonly title: string;
  /** The longest reason the call accepts (persons.unlink: 300). */
  readonly maxLength?: number;
  readonly submit: (input: { readonly linkId: string; readonly reason: string }) => Promise<Result<T>>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Taking a link off a record: never silently, always with a reason (the link stays in the history). */
export function UnlinkPanel<T>({ linkId, title, maxLength = 300, submit, onDone, onCancel }: UnlinkPanelProps<T>) {
  const { t } = useI18n();
  return (
    <ReasonPanel
      id="unlink-title"
      title={title}
      reasonLabel={t('links.reason')}
      submitLabel={t('links.unlink')}
      maxLength={maxLength}
      submit={(reason) => submit({ linkId, reason })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
