import { AppError } from '../app-error';
import { findPerson, matchPerson, personView, searchPersons, updatePerson } from '../persons';
import { deadlineBoard, listReports, reportDetail, reportHistory } from '../register/queries';
import { createReport, transitionReport, updateReport, voidReport, type RegisterDeps } from '../register/reports';
import { readSettings } from '../settings';
import { storeFor, type Context, type HandlersOf } from './context';

function deps(ctx: Context): RegisterDeps {
  const { store, write } = storeFor(ctx);
  return { db: store.sql, writes: store.writes, settings: readSettings(store.sql), ctx: write };
}

export const registerHandlers: HandlersOf<'reports.' | 'persons.'> = {
  'reports.list': (ctx, input) => listReports(storeFor(ctx).store.sql, input, ctx.backend.now()),
  'reports.get': (ctx, input) => {
    const d = deps(ctx);
    return reportDetail(d.db, input.id, d.settings);
  },
  'reports.history': (ctx, input) => reportHistory(storeFor(ctx).store.sql, input.id),
  'reports.create': (ctx, input) => {
    const d = deps(ctx);
    return reportDetail(d.db, createReport(d, input).id, d.settings);
  },
  'reports.update': (ctx, input) => {
    const d = deps(ctx);
    return reportDetail(d.db, updateReport(d, input.id, input.baseVersion, input.fields).id, d.settings);
  },
  'reports.transition': (ctx, input) => {
    const d = deps(ctx);
    return reportDetail(d.db, transitionReport(d, input.id, input.baseVersion, input.step).id, d.settings);
  },
  'reports.void': (ctx, input) => {
    const d = deps(ctx);
    return reportDetail(d.db, voidReport(d, input.id, input.baseVersion, input.reason).id, d.settings);
  },
  'reports.deadlines': (ctx, input) => deadlineBoard(storeFor(ctx).store.sql, input.withinDays, ctx.backend.now()),
  'persons.match': (ctx, input) => matchPerson(storeFor(ctx).store.sql, input),
  'persons.search': (ctx, input) => searchPersons(storeFor(ctx).store.sql, input.q, input.limit),
  'persons.get': (ctx, input) => {
    const row = findPerson(storeFor(ctx).store.sql, input.id);
    if (!row) throw new AppError('record.not_found', `person ${input.id} not found`);
    return personView(row);
  },
  'persons.update': (ctx, input) => {
    const d = deps(ctx);
    return personView(updatePerson(d.db, d.writes, input.id, input.baseVersion, input.fields, d.ctx));
  },
};
