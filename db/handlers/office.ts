import { AppError } from '../app-error';
import { listCategories, listLocalities, listOffices, localityView, officeView } from '../office';
import { all, first, qb } from '../query';
import { forgetHolidays, recomputeOpenDeadlines } from '../register/deadline-columns';
import { refillPoliceMonths } from '../reports/figures';
import { readSettings, writeSettings } from '../settings';
import { storeFor, type HandlersOf } from './context';

export const officeHandlers: HandlersOf<'office.' | 'offices.' | 'settings.' | 'localities.' | 'categories.' | 'holidays.'> = {
  'office.get': (ctx) => {
    const { store } = storeFor(ctx);
    return officeView(store.sql, store.officeId);
  },
  'offices.list': (ctx) => {
    const { store } = storeFor(ctx);
    return listOffices(store.sql, store.officeId);
  },
  'settings.get': (ctx) => readSettings(storeFor(ctx).store.sql),
  'settings.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const before = readSettings(store.sql);
    return store.sql.transaction(() => {
      // A setting left out of the input stays as it is.
      const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const next = writeSettings(store.sql, { ...before, ...given }, { userId: write.userId, call: write.call, at: ctx.backend.now() });
      if (next.remoteCommune !== before.remoteCommune) recomputeOpenDeadlines(store.sql, next);
      if (next.reportCutoffDay !== before.reportCutoffDay) refillPoliceMonths(store.sql);
      return next;
    })();
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
  'holidays.list': (ctx, input) => {
    const { store } = storeFor(ctx);
    let query = qb.selectFrom('holidays').select(['id', 'date', 'name']).where('deleted_at', 'is', null).orderBy('date');
    if (input.year !== null) query = query.where('date', '>=', `${input.year}-01-01`).where('date', '<=', `${input.year}-12-31`);
    return all(store.sql, query);
  },
  'holidays.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    if (first(store.sql, qb.selectFrom('holidays').select('id').where('date', '=', input.date).where('deleted_at', 'is', null))) {
      throw new AppError('validation', 'this day is already a holiday', { fields: { date: 'v.holiday_exists' } });
    }
    try {
      return store.sql.transaction(() => {
        const row = store.writes.insert('holidays', { date: input.date, name: input.name }, write);
        recomputeOpenDeadlines(store.sql, readSettings(store.sql));
        return { id: row.id, date: row.date, name: row.name };
      })();
    } finally {
      // Whatever the outcome, the cached list is read again from what was committed.
      forgetHolidays(store.sql);
    }
  },
  'holidays.void': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    try {
      store.sql.transaction(() => {
        store.writes.void('holidays', input.id, input.reason, write);
        recomputeOpenDeadlines(store.sql, readSettings(store.sql));
      })();
    } finally {
      forgetHolidays(store.sql);
    }
    return null;
  },
};
