import { computePeriodic, issuedView, issuePeriodic, listIssued } from '../reports/periodic';
import { storeFor, type HandlersOf } from './context';

export const periodicHandlers: HandlersOf<'periodic.'> = {
  'periodic.compute': (ctx, input) => {
    const { store } = storeFor(ctx);
    return computePeriodic(store.sql, store.officeId, input.period);
  },
  'periodic.issue': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return issuedView(store.sql, issuePeriodic(store.sql, store.writes, input, write));
  },
  'periodic.list': (ctx) => listIssued(storeFor(ctx).store.sql),
  'periodic.get': (ctx, input) => issuedView(storeFor(ctx).store.sql, input.id),
};
