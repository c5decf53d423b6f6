import { addHoliday, confirmYear, holidayYearView, isYearConfirmed, removeHoliday } from '../holidays';
import { listCategories, listLocalities, listOffices, localityView, officeView } from '../office';
import { all, qb } from '../query';
import { forgetHolidays, recomputeOpenDeadlines } from '../register/deadline-columns';
import { refillPoliceMonths } from '../reports/figures';
import { localDate } from '../../core/calendar';
import { yearToConfirm } from '../../core/holidays';
import { readSettings, writeSettings } from '../settings';
import type { Sqlite } from '../store';
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
  'holidays.year': (ctx, input) => holidayYearView(storeFor(ctx).store.sql, input.year),
  'holidays.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const row = holidayChange(store.sql, () => addHoliday(store.sql, store.writes, input.date, input.name, input.worked, write));
    return { id: row.id, date: row.date, name: row.name };
  },
  'holidays.remove': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    holidayChange(store.sql, () => removeHoliday(store.sql, store.writes, input.date, input.reason, write));
    return null;
  },
  'holidays.void': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    holidayChange(store.sql, () => store.writes.void('holidays', input.id, input.reason, write));
    return null;
  },
  'holidays.confirm': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    confirmYear(store.sql, input.year, write, ctx.backend.now());
    return holidayYearView(store.sql, input.year);
  },
  'holidays.pending': (ctx) => {
    const { store } = storeFor(ctx);
    return { year: yearToConfirm(localDate(ctx.backend.now()), (year) => isYearConfirmed(store.sql, year)) };
  },
};

/** A change to the holiday list and the open deadlines it moves, in one transaction. */
function holidayChange<T>(db: Sqlite, change: () => T): T {
  try {
    return db.transaction(() => {
      const result = change();
      forgetHolidays(db);
      recomputeOpenDeadlines(db, readSettings(db));
      return result;
    })();
  } finally {
    // Whatever the outcome, the cached list is read again from what was committed.
    forgetHolidays(db);
  }
}
