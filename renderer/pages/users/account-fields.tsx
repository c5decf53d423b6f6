import { TextField } from '../../components/text-field';
import type { FieldBinding } from '../../forms/use-form';
import { useI18n } from '../../i18n';

export interface AccountBindings {
  readonly fullName: FieldBinding<string>;
  readonly rank: FieldBinding<string>;
  readonly position: FieldBinding<string>;
  readonly username: FieldBinding<string>;
}

/** Who a user is: full name, rank, position and username (setup's first administrator, a new user). */
export function AccountFields({ fullName, rank, position, username }: AccountBindings) {
  const { t } = useI18n();
  return (
    <>
      <TextField {...fullName} label={t('user.fullName')} required autoComplete="name" />
      <div className="field-row">
        <TextField {...rank} label={t('user.rank')} hint={t('user.rankHint')} />
        <TextField {...position} label={t('user.position')} hint={t('user.positionHint')} />
      </div>
      <TextField {...username} label={t('user.username')} hint={t('user.usernameHint')} required autoComplete="username" />
    </>
  );
}
