import type { ReactNode } from 'react';
import { z } from 'zod';
import { requiredText } from '../../api/fields';
import type { Result } from '../../api/result';
import { useForm } from '../forms/use-form';
import { FormFrame } from './form-frame';
import { Panel } from './panel';
import { TextAreaField } from './text-area-field';

export interface ReasonPanelProps<T> {
  /** Id of the panel's heading. */
  readonly id: string;
  readonly title: string;
  readonly reasonLabel: string;
  readonly submitLabel: string;
  /** The cancel button's text when "Hủy" would be read as the action itself. */
  readonly cancelLabel?: string;
  /** The longest reason the call accepts. */
  readonly maxLength?: number;
  readonly submit: (reason: string) => Promise<Result<T>>;
  readonly onDone: (value: T) => void;
  readonly onCancel: () => void;
  /** What the user should know before confirming. */
  readonly children?: ReactNode;
}

/**
 * An action that takes something away (a link, a record, a criterion): never silently, always with a
 * reason the history keeps. The reason is required; what was typed stays when the call fails.
 */
export function ReasonPanel<T>({ id, title, reasonLabel, submitLabel, cancelLabel, maxLength = 500, submit, onDone, onCancel, children }: ReasonPanelProps<T>) {
  const form = useForm({
    schema: z.object({ reason: requiredText(maxLength) }),
    initial: { reason: '' },
    submit: (input) => submit(input.reason),
    onSuccess: onDone,
  });
  return (
    <Panel id={id} title={title}>
      {children}
      <FormFrame form={form} submitLabel={submitLabel} submitVariant="danger" labelledBy={id} onCancel={onCancel} cancelLabel={cancelLabel}>
        <TextAreaField {...form.field('reason')} label={reasonLabel} rows={2} required />
      </FormFrame>
    </Panel>
  );
}
