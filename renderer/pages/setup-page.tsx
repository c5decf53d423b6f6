import { useState } from 'react';
import { z } from 'zod';
import { officeLevels } from '../../api/fields';
import { setupAdmin, setupInput } from '../../api/calls/setup';
import type { OfficeLevel } from '../../api/views';
import { invoke } from '../api-client';
import { FormFrame } from '../components/form-frame';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useForm, type FieldBinding } from '../forms/use-form';
import { useI18n } from '../i18n';
import { Button } from '../components/button';
import { AuthFrame } from '../layout/auth-frame';
import { AccountFields } from './users/account-fields';
import { Notice } from '../components/notice';
import { NewPasswordFields } from './users/new-password-fields';

const initialAdmin = { fullName: '', rank: '', position: '', username: '', password: '', passwordConfirm: '' };
const initial = {
  office: { name: '', code: '', level: 'commune' as OfficeLevel, parentName: '', parentCode: '' },
  localities: '',
  admin: initialAdmin,
};
const demoInput = z.object({ admin: setupAdmin });

/** One name per line; blank lines are skipped. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * First run on this machine: the office, its villages, and the first administrator; or, to try the
 * app, a demo office with a year of generated records and only the administrator typed.
 */
export function SetupPage({ onCreated }: { readonly onCreated: () => void }) {
  const [demo, setDemo] = useState(false);
  return demo ? <DemoSetup onCreated={onCreated} onBack={() => setDemo(false)} /> : <OfficeSetup onCreated={onCreated} onDemo={() => setDemo(true)} />;
}

type AdminField = keyof typeof initialAdmin;

/** The first administrator's fields, in both setups. */
function AdminFieldset({ field }: { readonly field: (name: AdminField) => FieldBinding<string> }) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t('setup.adminSection')}</legend>
      <Notice kind="info">{t('setup.singleAdmin')}</Notice>
      <AccountFields fullName={field('fullName')} rank={field('rank')} position={field('position')} username={field('username')} />
      <NewPasswordFields password={field('password')} passwordConfirm={field('passwordConfirm')} kind="first" />
    </fieldset>
  );
}

function DemoSetup({ onCreated, onBack }: { readonly onCreated: () => void; readonly onBack: () => void }) {
  const { t } = useI18n();
  const form = useForm({ schema: demoInput, initial: { admin: initialAdmin }, submit: (input) => invoke('setup.demo', input), onSuccess: onCreated });
  return (
    <AuthFrame title={t('setup.demoTitle')}>
      <h1 id="setup-demo-title" className="auth-title">
        {t('setup.demoTitle')}
      </h1>
      <p className="lead">{t('setup.demoIntro')}</p>
      <FormFrame form={form} submitLabel={t('setup.demoSubmit')} labelledBy="setup-demo-title" onCancel={onBack} cancelLabel={t('setup.demoBack')} requiredNote>
        <AdminFieldset field={(name) => form.field(`admin.${name}`)} />
      </FormFrame>
    </AuthFrame>
  );
}

function OfficeSetup({ onCreated, onDemo }: { readonly onCreated: () => void; readonly onDemo: () => void }) {
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
          <AdminFieldset field={(name) => form.field(`admin.${name}`)} />
        </div>
      </FormFrame>
      <p className="form-note">
        {t('setup.demoOffer')}{' '}
        <Button variant="quiet" onClick={onDemo}>
          {t('setup.demoOpen')}
        </Button>
      </p>
    </AuthFrame>
  );
}
