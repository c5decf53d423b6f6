import { computePeriodicOnStore, defaultScope, issuedView, issuePeriodic, listIssued } from '../reports/periodic';
import { storeFor, type HandlersOf } from './context';

export const periodicHandlers: HandlersOf<'periodic.'> = {
  // Counted on the Store's readers: the backend's thread answers other calls meanwhile (docs/decisions.md, "The asynchronous Store").
  'periodic.compute': (ctx, input) => {
    const { store } = storeFor(ctx);
    const scope = input.officeId === undefined ? defaultScope(store.sql, store.officeId) : input.officeId;
    // One snapshot for every statement of the report: its figures add up even while writes commit.
    return store.data.snapshot((reads) => computePeriodicOnStore(store.sql, reads, scope, input.period));
  },
  'periodic.issue': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const scope = input.officeId === undefined ? defaultScope(store.sql, store.officeId) : input.officeId;
    return issuedView(store.sql, issuePeriodic(store.sql, store.writes, input, scope, write));
  },
  'periodic.list': (ctx) => listIssued(storeFor(ctx).store.sql),
  'periodic.get': (ctx, input) => issuedView(storeFor(ctx).store.sql, input.id),
};
