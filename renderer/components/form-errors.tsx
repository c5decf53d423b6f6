import type { CallError } from '../../api/result';
import { describeError, fieldMessageKey } from '../errors';
import { useI18n } from '../i18n';
import { Notice } from './notice';

/** A form's failure above its buttons: what went wrong, and problems that belong to no visible field. */
export function FormErrors({ error, other }: { readonly error: CallError | null; readonly other: readonly string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Notice kind="error">
      <p>{describeError(t, error)}</p>
      {other.length > 0 ? (
        <ul>
          {other.map((key) => (
            <li key={key}>{t(fieldMessageKey(key))}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
