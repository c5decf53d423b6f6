import { useState } from 'react';
import { contract } from '../../../api/contract';
import type { z } from 'zod';
import type { Result } from '../../../api/result';
import type { ExportView, PeerView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Notice } from '../../components/notice';
import { ProgressLine } from '../../components/progress-line';
import { SelectField } from '../../components/select-field';
import { downloadInChunks, percentOf, type ChunkProgress } from '../../data/chunks';
import { download } from '../../data/files';
import { fieldMessageKey } from '../../errors';
import { formatFileSize, formatNumber } from '../../format';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { roleKeys } from './exchange-labels';

type Kind = 'records' | 'reference';
type Mode = 'delta' | 'full';

const exportInput = contract['exchange.export'].input;

/** Records go up (and to the office's other PCs); reference data goes down. */
const recipientRoles: Readonly<Record<Kind, readonly PeerView['role'][]>> = { records: ['parent', 'sibling'], reference: ['child'] };

type Fetching =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting' }
  | { readonly kind: 'downloading'; readonly progress: ChunkProgress | null }
  | { readonly kind: 'done'; readonly exported: ExportView };

/**
 * "Gửi dữ liệu": a bundle for the chosen recipients (changes since the last bundle to each, or
 * everything), then fetched in pieces with its progress and saved under the name the backend gives.
 * The form stays busy until the file is saved; a failure at either step shows under the form.
 */
export function SendSection({ peers, onSent }: { readonly peers: readonly PeerView[]; readonly onSent: () => void }) {
  const { t } = useI18n();
  const [fetching, setFetching] = useState<Fetching>({ kind: 'idle' });

  const exportAndSave = async (input: z.output<typeof exportInput>): Promise<Result<ExportView>> => {
    setFetching({ kind: 'exporting' });
    const exported = await invoke('exchange.export', input);
    if (!exported.ok) return exported;
    setFetching({ kind: 'downloading', progress: null });
    const bytes = await downloadInChunks(
      (offset) => invoke('exchange.download', { bundleId: exported.value.bundleId, offset }),
      (progress) => setFetching({ kind: 'downloading', progress }),
    );
    if (!bytes.ok) return bytes;
    download(bytes.value, exported.value.fileName, 'application/octet-stream');
    return exported;
  };

  const form = useForm({
    schema: exportInput,
    initial: { kind: 'records' as Kind, mode: 'delta' as Mode, recipients: [] as string[] },
    submit: exportAndSave,
    onSuccess: (exported) => {
      setFetching({ kind: 'done', exported });
      onSent();
    },
    onFailure: () => setFetching({ kind: 'idle' }),
  });
  const { kind, recipients } = form.values;
  const eligible = peers.filter((peer) => recipientRoles[kind].includes(peer.role));
  const recipientsError = form.errors['recipients'];

  const toggle = (keyId: string, on: boolean) =>
    form.update((values) => ({ ...values, recipients: on ? [...values.recipients, keyId] : values.recipients.filter((id) => id !== keyId) }), 'recipients');

  return (
    <section className="card" aria-labelledby="exchange-send">
      <h2 id="exchange-send">{t('xc.send')}</h2>
      <FormFrame form={form} submitLabel={t(kind === 'records' ? 'xc.sendRecords' : 'xc.sendReference')} labelledBy="exchange-send">
        <div className="field-row">
          <SelectField
            {...form.field('kind')}
            onChange={(next) => form.update((values) => ({ ...values, kind: next, recipients: [] }), 'recipients')}
            label={t('xc.kind')}
            options={(['records', 'reference'] as const).map((value) => ({ value, label: t(`xc.kind.${value}`) }))}
          />
          <SelectField {...form.field('mode')} label={t('xc.mode')} options={(['delta', 'full'] as const).map((value) => ({ value, label: t(`xc.mode.${value}`) }))} />
        </div>
        <fieldset className="exchange-choices" aria-describedby={recipientsError ? 'exchange-recipients-error' : undefined}>
          <legend>{t('xc.recipients')}</legend>
          {eligible.length === 0 ? <p className="muted">{t('xc.noRecipients')}</p> : null}
          {eligible.map((peer) => (
            <label key={peer.keyId} className="field-inline-row">
              <input
                type="checkbox"
                className="checkbox"
                name="recipients"
                value={peer.keyId}
                checked={recipients.includes(peer.keyId)}
                onChange={(event) => toggle(peer.keyId, event.target.checked)}
              />
              <span>
                {peer.officeName} ({peer.officeCode}) – {t(roleKeys[peer.role])}
              </span>
            </label>
          ))}
          {recipientsError ? (
            <p id="exchange-recipients-error" className="field-error">
              {recipientsError === 'v.required' ? t('xc.chooseRecipient') : t(fieldMessageKey(recipientsError))}
            </p>
          ) : null}
        </fieldset>
      </FormFrame>
      {fetching.kind === 'exporting' ? <p role="status">{t('xc.exporting')}</p> : null}
      {fetching.kind === 'downloading' ? (
        <ProgressLine
          label={t('xc.progress')}
          value={fetching.progress?.done ?? 0}
          max={fetching.progress?.total ?? 1}
          text={t('xc.downloading', { percent: fetching.progress ? percentOf(fetching.progress) : 0 })}
        />
      ) : null}
      {fetching.kind === 'done' ? (
        <Notice kind="success">
          <p>{t('xc.exported', { file: fetching.exported.fileName, size: formatFileSize(fetching.exported.bytes), count: formatNumber(fetching.exported.records) })}</p>
          <p>{t('xc.exportedTo', { list: fetching.exported.recipients.map((r) => t('xc.recipientSeq', { office: r.officeName, seq: r.seq })).join('; ') })}</p>
          <p>{t('xc.exportedHint')}</p>
        </Notice>
      ) : null}
    </section>
  );
}
