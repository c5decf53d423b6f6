import { officeLevels } from '../../api/fields';
import { setupInput } from '../../api/calls/setup';
import type { OfficeLevel } from '../../api/views';
import { invoke } from '../api-client';
import { FormFrame } from '../components/form-frame';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { AuthFrame } from '../layout/auth-frame';
import { AccountFields } from './users/account-fields';
import { NewPasswordFields } from './users/new-password-fields';

const initial = {
  office: { name: '', code: '', level: 'commune' as OfficeLevel, parentName: '', parentCode: '' },
  localities: '',
  admin: { fullName: '', rank: '', position: '', username: '', password: '', passwordConfirm: '' },
};

/** One name per line; blank lines are skipped. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** First run on this machine: the office, its villages, and the first administrator. */
export function SetupPage({ onCreated }: { readonly onCreated: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: setupInput,
    initial,
    toInput: (values) => ({ ...values, localities: lines(values.localities) }),
    submit: (input) => invoke('setup.create', input),
    onSuccess: onCreated,
  });
  const levelOptions = officeLevels.map((level) => ({ value: level, label: t(`level.${level}`) }));

  return (
    <AuthFrame title={t('setup.title')} wide>
      <h1 id="setup-title" className="auth-title">
        {t('setup.title')}
      </h1>
      <p className="lead">{t('setup.intro')}</p>
      <FormFrame form={form} submitLabel={t('setup.submit')} labelledBy="setup-title" requiredNote>
        <div className="form-columns">
          <div>
            <fieldset className="fieldset">
              <legend>{t('setup.officeSection')}</legend>
              <TextField {...form.field('office.name')} label={t('office.name')} hint={t('setup.officeNameHint')} required />
              <div className="field-row">
                <TextField {...form.field('office.code')} label={t('office.code')} hint={t('setup.officeCodeHint')} inputMode="numeric" maxLength={5} required />
                <SelectField {...form.field('office.level')} label={t('office.level')} options={levelOptions} required />
              </div>
            </fieldset>
            <fieldset className="fieldset">
              <legend>{t('office.parent')}</legend>
              <TextField {...form.field('office.parentName')} label={t('office.parentName')} hint={t('setup.parentNameHint')} required />
              <TextField {...form.field('office.parentCode')} label={t('office.parentCode')} hint={t('setup.parentCodeHint')} inputMode="numeric" maxLength={5} size="short" required />
            </fieldset>
            <TextAreaField {...form.field('localities')} label={t('setup.localities')} hint={t('setup.localitiesHint')} rows={5} />
          </div>
          <fieldset className="fieldset">
            <legend>{t('setup.adminSection')}</legend>
            <AccountFields
              fullName={form.field('admin.fullName')}
              rank={form.field('admin.rank')}
              position={form.field('admin.position')}
              username={form.field('admin.username')}
            />
            <NewPasswordFields password={form.field('admin.password')} passwordConfirm={form.field('admin.passwordConfirm')} kind="first" />
          </fieldset>
        </div>
      </FormFrame>
    </AuthFrame>
  );
}
