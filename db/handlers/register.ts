import { seesSecretReporters } from '../../api/roles';
import { deadlineBoard, listReports, reportDetail, reportHistory } from '../register/queries';
import { createReport, transitionReport, updateReport, voidReport, type RegisterDeps } from '../register/reports';
import { readSettings } from '../settings';
import { storeFor, type Context, type HandlersOf } from './context';

export function deps(ctx: Context): RegisterDeps {
  const { store, write } = storeFor(ctx);
  const hideReporter = !ctx.user || !seesSecretReporters(ctx.user.role);
  return { db: store.sql, writes: store.writes, settings: readSettings(store.sql), ctx: write, now: ctx.backend.now(), hideReporter };
}

export const registerHandlers: HandlersOf<'reports.'> = {
  // A page is bounded (its budget is 50 ms): read on the backend's thread, one snapshot, no hop to a
  // reader (docs/decisions.md, "The asynchronous Store": which readings go to the readers).
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
  'reports.deadlines': (ctx, input) => deadlineBoard(storeFor(ctx).store.sql, input.withinDays, ctx.backend.now(), input.officeId),
};
