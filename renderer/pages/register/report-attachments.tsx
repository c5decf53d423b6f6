import { useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, attachmentTypes, sniffAttachmentType } from '../../../api/calls/attachments';
import type { CallError } from '../../../api/result';
import type { AttachmentView, ReportDetail } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { Notice } from '../../components/notice';
import { download, fromBase64, toBase64 } from '../../data/files';
import { describeError } from '../../errors';
import { formatDateAndTime, formatFileSize } from '../../format';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';

export interface ReportAttachmentsProps {
  readonly report: ReportDetail;
  readonly canWrite: boolean;
  /** After a file is added: the page reads the report again. */
  readonly onChanged: () => void;
}

const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', ...attachmentTypes].join(',');

type Activity = { readonly kind: 'busy' | 'done'; readonly message: Message } | { readonly kind: 'failed'; readonly error: CallError | Message };

/**
 * The report's documents and photos: listed, opened (downloaded under their own name), and added.
 * A file is checked here first (type from its bytes, size) so a wrong one is refused before upload.
 */
export function ReportAttachments({ report, canWrite, onChanged }: ReportAttachmentsProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const busy = activity?.kind === 'busy';

  const fail = (error: CallError | Message) => setActivity({ kind: 'failed', error });

  const add = async (file: File) => {
    const name = file.name;
    setActivity({ kind: 'busy', message: { key: 'attachment.reading', params: { name } } });
    if (file.size > ATTACHMENT_MAX_BYTES) return fail({ key: 'attachment.too_large' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return fail({ key: 'attachment.unreadable' });
    }
    if (!sniffAttachmentType(bytes)) return fail({ key: 'attachment.type' });
    setActivity({ kind: 'busy', message: { key: 'attachment.uploading', params: { name, size: formatFileSize(file.size) } } });
    const result = await invoke('attachments.add', { ownerTable: 'reports', ownerId: report.id, fileName: name, dataBase64: toBase64(bytes) });
    if (!result.ok) return fail(result.error);
    setActivity({ kind: 'done', message: { key: 'attachment.added', params: { name: result.value.fileName } } });
    if (input.current) input.current.value = '';
    onChanged();
  };

  const open = async (attachment: AttachmentView) => {
    setActivity({ kind: 'busy', message: { key: 'attachment.opening', params: { name: attachment.fileName } } });
    const result = await invoke('attachments.open', { id: attachment.id });
    if (!result.ok) return fail(result.error);
    download(fromBase64(result.value.dataBase64), result.value.fileName, result.value.mime);
    setActivity(null);
  };

  const columns: readonly Column<AttachmentView>[] = [
    { key: 'name', header: t('attachment.name'), rowHeader: true, cell: (a) => a.fileName },
    { key: 'size', header: t('attachment.size'), className: 'nowrap', cell: (a) => formatFileSize(a.size) },
    { key: 'added', header: t('attachment.addedAt'), className: 'nowrap', cell: (a) => formatDateAndTime(a.createdAt) },
    {
      key: 'actions',
      header: t('attachment.actions'),
      className: 'table-actions',
      cell: (a) => (
        <Button small disabled={busy} onClick={() => void open(a)}>
          {t('attachment.open')}
          <span className="sr-only"> {a.fileName}</span>
        </Button>
      ),
    },
  ];

  const describe = (error: CallError | Message) => ('code' in error ? describeError(t, error) : t(error.key, error.params));

  return (
    <>
      <DataTable caption={t('report.attachments')} captionHidden columns={columns} rows={report.attachments} rowKey={(a) => a.id} empty={t('attachment.empty')} />
      {activity?.kind === 'failed' ? <Notice kind="error">{describe(activity.error)}</Notice> : null}
      {activity && activity.kind !== 'failed' ? <Notice kind={activity.kind === 'done' ? 'success' : 'info'}>{t(activity.message.key, activity.message.params)}</Notice> : null}
      {canWrite && !report.voided ? (
        <div className="field">
          <label className="field-label" htmlFor="attachment-file">
            {t('attachment.file')}
          </label>
          <input
            ref={input}
            id="attachment-file"
            className="input"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            aria-describedby="attachment-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void add(file);
            }}
          />
          <p id="attachment-file-hint" className="field-hint">
            {t('attachment.hint')}
          </p>
        </div>
      ) : null}
    </>
  );
}
