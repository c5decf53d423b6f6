import type { ReactNode } from 'react';
import type { Form } from '../forms/use-form';
import { useI18n } from '../i18n';
import { Button } from './button';
import { formatDateTime } from '../format';
import { FormErrors } from './form-errors';

export interface FormFrameProps<V extends object> {
  readonly form: Form<V>;
  readonly submitLabel: string;
  readonly submitVariant?: 'primary' | 'danger';
  /** Id of the heading that names the form. */
  readonly labelledBy?: string;
  readonly onCancel?: () => void;
  /** The cancel button's text, when "Hủy" (the default) could be read as the form's own action. */
  readonly cancelLabel?: string | undefined;
  /** Show "Fields marked * are required" (forms with required fields). */
  readonly requiredNote?: boolean;
  readonly children?: ReactNode;
}

/** The frame every form shares: no browser validation (the schema validates), errors, then the actions. */
export function FormFrame<V extends object>({ form, submitLabel, submitVariant = 'primary', labelledBy, onCancel, cancelLabel, requiredNote = false, children }: FormFrameProps<V>) {
  const { t } = useI18n();
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit} aria-labelledby={labelledBy}>
      {form.draft?.offered ? (
        <div className="notice notice-info draft-offer" role="status">
          <p>{t('form.draftFound', { time: formatDateTime(form.draft.offered.updatedAt) })}</p>
          <div className="form-actions">
            <Button variant="primary" onClick={form.draft.restore}>
              {t('form.draftRestore')}
            </Button>
            <Button onClick={form.draft.discard}>{t('form.draftDiscard')}</Button>
          </div>
        </div>
      ) : null}
      {requiredNote ? <p className="form-note">{t('form.requiredNote')}</p> : null}
      {children}
      <FormErrors error={form.formError} other={form.otherErrors} />
      <div className="form-actions">
        <Button type="submit" variant={submitVariant} busy={form.submitting}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{cancelLabel ?? t('common.cancel')}</Button> : null}
        {form.draft?.savedAt ? <span className="muted form-draft-saved">{t('form.draftSaved', { time: formatDateTime(form.draft.savedAt) })}</span> : null}
      </div>
    </form>
  );
}
