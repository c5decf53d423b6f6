import { discardDraft, readDraft, saveDraft } from '../drafts';
import { requireUser, storeFor, type HandlersOf } from './context';

/** Each call works on the session's own user's drafts only. */
export const draftsHandlers: HandlersOf<'drafts.'> = {
  'drafts.get': (ctx, input) => readDraft(storeFor(ctx).store.sql, requireUser(ctx).id, input.form),
  'drafts.save': (ctx, input) => {
    saveDraft(storeFor(ctx).store.sql, requireUser(ctx).id, input.form, input.data, ctx.backend.now());
    return null;
  },
  'drafts.discard': (ctx, input) => {
    discardDraft(storeFor(ctx).store.sql, requireUser(ctx).id, input.form);
    return null;
  },
};
