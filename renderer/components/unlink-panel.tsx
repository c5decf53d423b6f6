import { contract } from '../../api/contract';
import type { Result } from '../../api/result';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { FormFrame } from './form-frame';
import { Panel } from './panel';
import { TextAreaField } from './text-area-field';

export interface UnlinkPanelProps<T> {
  readonly linkId: string;
  /** What is being taken off, as the panel's title says it. */
  readonly title: string;
  readonly submit: (input: { readonly linkId: string; readonly reason: string }) => Promise<Result<T>>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Taking a link off a record: never silently, always with a reason (the link stays in the history). */
export function UnlinkPanel<T>({ linkId, title, submit, onDone, onCancel }: UnlinkPanelProps<T>) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['persons.unlink'].input,
    initial: { reason: '' },
    toInput: (values) => ({ linkId, reason: values.reason }),
    submit,
    onSuccess: onDone,
  });
  return (
    <Panel id="unlink-title" title={title}>
      <FormFrame form={form} submitLabel={t('links.unlink')} submitVariant="danger" labelledBy="unlink-title" onCancel={onCancel}>
        <TextAreaField {...form.field('reason')} label={t('links.reason')} rows={2} required />
      </FormFrame>
    </Panel>
  );
}
