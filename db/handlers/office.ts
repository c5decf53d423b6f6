import { listCategories, listLocalities, localityView, officeView } from '../office';
import { readSettings, writeSettings } from '../settings';
import { storeFor, type HandlersOf } from './context';

export const officeHandlers: HandlersOf<'office.' | 'settings.' | 'localities.' | 'categories.'> = {
  'office.get': (ctx) => {
    const { store } = storeFor(ctx);
    return officeView(store.sql, store.officeId);
  },
  'settings.get': (ctx) => readSettings(storeFor(ctx).store.sql),
  'settings.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return writeSettings(store.sql, input, { userId: write.userId, call: write.call, at: ctx.backend.now() });
  },
  'localities.list': (ctx) => {
    const { store } = storeFor(ctx);
    return listLocalities(store.sql, store.officeId);
  },
  'localities.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return localityView(store.writes.insert('localities', { name: input.name, kind: input.kind }, write));
  },
  'categories.list': (ctx) => listCategories(storeFor(ctx).store.sql),
};
