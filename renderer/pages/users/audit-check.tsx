import { useState } from 'react';
import type { AuditCheckView } from '../../../api/views';
import type { CallError } from '../../../api/result';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { describeError } from '../../errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/**
 * The administrator's check of the audit log: every entry's hash covers the one before it, so an entry
 * edited or removed behind the app's back breaks the chain there, and the check names that entry.
 */
export function AuditCheck() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditCheckView | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const check = async () => {
    setBusy(true);
    setError(null);
    const outcome = await invoke('audit.verify', {});
    setBusy(false);
    if (outcome.ok) setResult(outcome.value);
    else setError(outcome.error);
  };

  return (
    <section className="card" aria-labelledby="audit-check">
      <h2 id="audit-check">{t('audit.title')}</h2>
      <p className="muted">{t('audit.explain')}</p>
      <Button busy={busy} onClick={() => void check()}>
        {t('audit.verify')}
      </Button>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      {result?.ok ? <Notice kind="success">{t('audit.intact', { entries: result.entries.toLocaleString('vi-VN') })}</Notice> : null}
      {result && !result.ok && result.broken ? (
        <Notice kind="error">
          {t('audit.broken', { id: result.broken.id, at: formatDateTime(result.broken.at), call: result.broken.call, entries: result.entries.toLocaleString('vi-VN') })}
        </Notice>
      ) : null}
    </section>
  );
}
