import { ATTACHMENT_MAX_BYTES } from '../../api/calls/attachments';
import { AppError } from '../app-error';
import { addAttachment, attachmentView, listAttachments, openAttachment, tooLarge, voidAttachment, type AttachmentDeps } from '../attachments';
import { storeFor, type Context, type HandlersOf } from './context';

function deps(ctx: Context): AttachmentDeps {
  const { store, write } = storeFor(ctx);
  return { db: store.sql, writes: store.writes, ctx: write, dir: ctx.backend.paths.attachments, storeKey: store.key, now: ctx.backend.now() };
}

function invalidBase64(): AppError {
  return new AppError('validation', 'dataBase64 is not standard padded base64', { fields: { dataBase64: 'v.invalid' } });
}

/**
 * The transport's base64 → bytes. This is the only place that knows the content arrives as text, so a
 * streaming transport can later hand bytes to db/attachments.ts directly. The size is known from the
 * length before decoding, so an oversized file costs no decode.
 */
export function decodeBase64Strict(text: string): Buffer {
  if (text.length % 4 !== 0) throw invalidBase64();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  if (size > ATTACHMENT_MAX_BYTES) throw tooLarge(size);
  const bytes = Buffer.from(text, 'base64');
  // Node's decoder skips what is not base64 and accepts the URL-safe alphabet; only the canonical text
  // encodes back to itself, so whitespace, stray characters and non-zero padding bits are refused here.
  if (bytes.toString('base64') !== text) throw invalidBase64();
  return bytes;
}

export const attachmentsHandlers: HandlersOf<'attachments.'> = {
  'attachments.add': (ctx, input) => {
    const bytes = decodeBase64Strict(input.dataBase64);
    return attachmentView(addAttachment(deps(ctx), { ownerTable: input.ownerTable, ownerId: input.ownerId, fileName: input.fileName, bytes }));
  },
  'attachments.open': (ctx, input) => {
    const { row, bytes } = openAttachment(deps(ctx), input.id);
    return { fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256, dataBase64: bytes.toString('base64') };
  },
  'attachments.void': (ctx, input) => {
    voidAttachment(deps(ctx), input.id, input.reason);
    return null;
  },
  'attachments.list': (ctx, input) => listAttachments(storeFor(ctx).store.sql, input.ownerTable, input.ownerId),
};
