import { useId, useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, attachmentTypes, sniffAttachmentType, type AttachmentOwner, type AttachmentType } from '../../api/calls/attachments';
import type { CallError } from '../../api/result';
import type { AttachmentView } from '../../api/views';
import { invoke } from '../api-client';
import { download, fromBase64, toBase64 } from '../data/files';
import { useCall } from '../data/use-call';
import { describeError } from '../errors';
import { formatDateAndTime, formatFileSize } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import type { Message } from '../i18n/message';
import { Button } from './button';
import { DataTable, type Column } from './data-table';
import { FileInput } from './file-input';
import { LoadedView } from './loaded-view';
import { Notice } from './notice';
import { ReasonPanel } from './reason-panel';

/** File name extensions for each type the office keeps, for the file picker's `accept`. */
const extensions: { readonly [T in AttachmentType]: readonly string[] } = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
};

/** Photos a browser can show: what a person's photo and a check's photos may be. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const satisfies readonly AttachmentType[];

export const isPhoto = (attachment: AttachmentView): boolean => (photoTypes as readonly string[]).includes(attachment.mime);

const acceptOf = (types: readonly AttachmentType[]) => [...types.flatMap((type) => extensions[type]), ...types].join(',');

type Activity = { readonly kind: 'busy' | 'done'; readonly message: Message } | { readonly kind: 'failed'; readonly error: CallError | Message };

export interface AttachmentListProps {
  /** The record the files belong to. */
  readonly ownerTable: AttachmentOwner;
  readonly ownerId: string;
  readonly attachments: readonly AttachmentView[];
  /** Whether a file can be added (the user may write and the record is not voided). */
  readonly canWrite: boolean;
  /** After a file is added: the owner reads its files again. */
  readonly onChanged: () => void;
  /** The table's (hidden) caption. */
  readonly caption: string;
  /** The types accepted; all the office keeps unless narrowed (photos). */
  readonly types?: readonly AttachmentType[];
  readonly fileLabel?: MessageKey;
  readonly hint?: MessageKey;
  readonly empty?: MessageKey;
  /** The message when a file of another type is chosen. */
  readonly typeError?: MessageKey;
}

/**
 * The files of a record (a report's scans, a person's photos, a hotspot check's photos): listed, opened
 * (downloaded under their own name), added, and voided with a reason (the file is kept, the history says why). A file is checked here first (type from its bytes,
 * size) so a wrong one is refused before upload; the backend decides again on what arrived.
 */
export function AttachmentList({
  ownerTable,
  ownerId,
  attachments,
  canWrite,
  onChanged,
  caption,
  types = attachmentTypes,
  fileLabel = 'attachment.file',
  hint = 'attachment.hint',
  empty = 'attachment.empty',
  typeError = 'attachment.type',
}: AttachmentListProps) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const [voiding, setVoiding] = useState<AttachmentView | null>(null);
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
    const type = sniffAttachmentType(bytes);
    if (!type || !types.includes(type)) return fail({ key: typeError });
    setActivity({ kind: 'busy', message: { key: 'attachment.uploading', params: { name, size: formatFileSize(file.size) } } });
    const result = await invoke('attachments.add', { ownerTable, ownerId, fileName: name, dataBase64: toBase64(bytes) });
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
        <>
          <Button small disabled={busy} onClick={() => void open(a)}>
            {t('attachment.open')}
            <span className="sr-only"> {a.fileName}</span>
          </Button>
          {canWrite ? (
            <Button small variant="quiet" disabled={busy} onClick={() => setVoiding(a)}>
              {t('attachment.void')}
              <span className="sr-only"> {a.fileName}</span>
            </Button>
          ) : null}
        </>
      ),
    },
  ];

  const describe = (error: CallError | Message) => ('code' in error ? describeError(t, error) : t(error.key, error.params));

  return (
    <>
      <DataTable caption={caption} captionHidden columns={columns} rows={attachments} rowKey={(a) => a.id} empty={t(empty)} />
      {voiding ? (
        <ReasonPanel
          id={`${inputId}-void`}
          title={t('attachment.voidTitle', { name: voiding.fileName })}
          reasonLabel={t('attachment.voidReason')}
          submitLabel={t('attachment.void')}
          maxLength={500}
          submit={(reason) => invoke('attachments.void', { id: voiding.id, reason })}
          onDone={() => {
            setActivity({ kind: 'done', message: { key: 'attachment.voided', params: { name: voiding.fileName } } });
            setVoiding(null);
            onChanged();
          }}
          onCancel={() => setVoiding(null)}
        >
          <p>{t('attachment.voidHint')}</p>
        </ReasonPanel>
      ) : null}
      {activity?.kind === 'failed' ? <Notice kind="error">{describe(activity.error)}</Notice> : null}
      {activity && activity.kind !== 'failed' ? <Notice kind={activity.kind === 'done' ? 'success' : 'info'}>{t(activity.message.key, activity.message.params)}</Notice> : null}
      {canWrite ? (
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            {t(fileLabel)}
          </label>
          <FileInput
            ref={input}
            id={inputId}
            label={t(fileLabel)}
            accept={acceptOf(types)}
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void add(file);
            }}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            {t(hint)}
          </p>
        </div>
      ) : null}
    </>
  );
}

/** The files of a record that does not carry them in its own view: read with attachments.list. */
export function OwnedAttachments(props: Omit<AttachmentListProps, 'attachments' | 'onChanged'> & { readonly onChanged?: () => void }) {
  const [list, reload] = useCall('attachments.list', { ownerTable: props.ownerTable, ownerId: props.ownerId });
  return (
    <LoadedView loaded={list}>
      {(attachments) => (
        <AttachmentList
          {...props}
          attachments={attachments}
          onChanged={() => {
            reload();
            props.onChanged?.();
          }}
        />
      )}
    </LoadedView>
  );
}
