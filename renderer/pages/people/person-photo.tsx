import { useEffect, useState } from 'react';
import type { CallError } from '../../../api/result';
import type { AttachmentView, PersonView } from '../../../api/views';
import { invoke } from '../../api-client';
import { AttachmentList, isPhoto, photoTypes } from '../../components/attachment-list';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { fromBase64 } from '../../data/files';
import { useCall } from '../../data/use-call';
import { describeError } from '../../errors';
import { formatDateAndTime } from '../../format';
import { useI18n } from '../../i18n';

type Shown = { readonly status: 'loading' } | { readonly status: 'ready'; readonly url: string } | { readonly status: 'failed'; readonly error: CallError };

/**
 * A person's photo: the latest one shown, decrypted by attachments.open into a blob URL that lives as
 * long as the image does; earlier photos and other files listed below it, and a new photo added.
 */
export function PersonPhoto({ person, canWrite }: { readonly person: PersonView; readonly canWrite: boolean }) {
  const { t } = useI18n();
  const [list, reload] = useCall('attachments.list', { ownerTable: 'persons', ownerId: person.id });
  return (
    <LoadedView loaded={list}>
      {(attachments) => {
        const latest = attachments.filter(isPhoto).at(-1) ?? null;
        return (
          <>
            {latest ? <LatestPhoto key={latest.id} attachment={latest} name={person.fullName} /> : <p className="muted">{t('photo.none')}</p>}
            <h3>{t('photo.earlier')}</h3>
            <AttachmentList
              ownerTable="persons"
              ownerId={person.id}
              attachments={attachments.filter((a) => a.id !== latest?.id)}
              caption={t('photo.earlier')}
              canWrite={canWrite}
              onChanged={reload}
              types={photoTypes}
              fileLabel="photo.add"
              hint="photo.hint"
              empty="photo.noEarlier"
              typeError="photo.type"
            />
          </>
        );
      }}
    </LoadedView>
  );
}

function LatestPhoto({ attachment, name }: { readonly attachment: AttachmentView; readonly name: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let current = true;
    void invoke('attachments.open', { id: attachment.id }).then((result) => {
      if (!current) return;
      if (!result.ok) return setShown({ status: 'failed', error: result.error });
      url = URL.createObjectURL(new Blob([fromBase64(result.value.dataBase64)], { type: result.value.mime }));
      setShown({ status: 'ready', url });
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment.id]);
  if (shown.status === 'failed') return <Notice kind="error">{describeError(t, shown.error)}</Notice>;
  if (shown.status === 'loading') return <p role="status" className="muted">{t('photo.loading')}</p>;
  return (
    <figure className="person-photo">
      <img src={shown.url} alt={t('photo.alt', { name })} />
      <figcaption className="muted">{t('photo.caption', { name: attachment.fileName, date: formatDateAndTime(attachment.createdAt) })}</figcaption>
    </figure>
  );
}
