import { useState } from 'react';
import { peerRoles } from '../../../api/calls/exchange';
import type { CallError } from '../../../api/result';
import type { KeyFileView, PeerRole, PeerView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
import { FileField } from '../../components/file-field';
import { Notice } from '../../components/notice';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { describeError } from '../../errors';
import { useI18n } from '../../i18n';
import { roleKeys } from './exchange-labels';
import { Fingerprint } from './fingerprint';

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'confirm'; readonly publicKey: string; readonly key: KeyFileView };

/** The role a key is likely enrolled with: the same code is another PC; a higher office's key is a parent. */
function suggestedRole(key: KeyFileView, ownCode: string): PeerRole {
  if (key.enrolledAs) return key.enrolledAs;
  if (key.office.code === ownCode) return 'sibling';
  return key.office.level === 'higher' ? 'parent' : 'child';
}

/**
 * "Đăng ký đơn vị": a public-key file is read (nothing changes yet), its office and fingerprint are
 * shown in large digits to compare with the printed key card, and only a confirmed match enrols it
 * with the chosen role.
 */
export function EnrolPanel({ ownCode, onEnrolled, onClose }: { readonly ownCode: string; readonly onEnrolled: (peer: PeerView) => void; readonly onClose: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [role, setRole] = useState<PeerRole>('child');
  const [error, setError] = useState<CallError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setError(null);
    setStep({ kind: 'reading' });
    let publicKey: string;
    try {
      publicKey = await file.text();
    } catch {
      setStep({ kind: 'choose' });
      setError(t('xc.fileUnreadable'));
      return;
    }
    const result = await invoke('exchange.inspectKey', { publicKey });
    if (!result.ok) {
      setStep({ kind: 'choose' });
      setError(result.error);
      return;
    }
    setRole(suggestedRole(result.value, ownCode));
    setStep({ kind: 'confirm', publicKey, key: result.value });
  };

  const enrol = async (publicKey: string, key: KeyFileView) => {
    setBusy(true);
    setError(null);
    const result = await invoke('exchange.enrol', { publicKey, role, fingerprint: key.fingerprint });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onEnrolled(result.value);
  };

  const roleError = error !== null && typeof error !== 'string' ? error.fields?.['role'] : undefined;
  const errorText = error === null ? null : typeof error === 'string' ? error : describeError(t, error);

  return (
    <Panel id="exchange-enrol" title={t('xc.enrol')}>
      <FileField id="exchange-key-file" label={t('xc.keyFile')} hint={t('xc.keyFileHint')} accept=".json,application/json" disabled={step.kind === 'reading' || busy} onFile={(file) => void read(file)} />
      {step.kind === 'reading' ? <p role="status">{t('xc.inspecting')}</p> : null}
      {step.kind === 'confirm' ? (
        <>
          <DetailsList
            items={[
              { label: t('xc.office'), value: step.key.office.name },
              { label: t('xc.officeCode'), value: step.key.office.code },
              { label: t('xc.keyId'), value: step.key.keyId },
            ]}
          />
          <h3 id="exchange-enrol-question" className="exchange-subheading">{t('xc.match')}</h3>
          <Fingerprint value={step.key.fingerprint} />
          <p className="muted">{t('xc.matchHint')}</p>
          {step.key.enrolledAs ? <Notice kind="info">{t('xc.enrolledAs', { role: t(roleKeys[step.key.enrolledAs]) })}</Notice> : null}
          <SelectField
            id="exchange-enrol-role"
            name="role"
            value={role}
            error={roleError}
            onChange={setRole}
            inputRef={() => undefined}
            label={t('xc.role')}
            options={peerRoles.map((value) => ({ value, label: t(roleKeys[value]) }))}
          />
        </>
      ) : null}
      {errorText ? <Notice kind="error">{errorText}</Notice> : null}
      <div className="form-actions">
        {step.kind === 'confirm' ? (
          <>
            <Button variant="primary" busy={busy} onClick={() => void enrol(step.publicKey, step.key)}>
              {t('xc.matchYes')}
            </Button>
            <Button
              onClick={() => {
                setStep({ kind: 'choose' });
                setError(t('xc.notMatched'));
              }}
            >
              {t('xc.matchNo')}
            </Button>
          </>
        ) : null}
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
