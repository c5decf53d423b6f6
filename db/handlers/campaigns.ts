import { adjust, campaignView, createCampaign, createMeasure, createOperation, linkReport, listCampaigns, unlinkReport, listMeasures, measureView, operationById, updateCampaign } from '../campaigns/campaigns';
import { storeFor, type HandlersOf } from './context';

export const campaignHandlers: HandlersOf<'campaigns.' | 'operations.' | 'measures.'> = {
  'measures.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return measureView(createMeasure(store.sql, store.writes, input, write));
  },
  'campaigns.measures': (ctx) => listMeasures(storeFor(ctx).store.sql).map(measureView),
  'campaigns.list': (ctx, input) => listCampaigns(storeFor(ctx).store.sql, input),
  'campaigns.get': (ctx, input) => campaignView(storeFor(ctx).store.sql, input.id),
  'campaigns.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return campaignView(store.sql, createCampaign(store.sql, store.writes, input, write));
  },
  'campaigns.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    updateCampaign(store.sql, store.writes, input.id, input.baseVersion, input.fields, write);
    return campaignView(store.sql, input.id);
  },
  'campaigns.adjust': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    adjust(store.sql, store.writes, input, write);
    return campaignView(store.sql, input.campaignId);
  },
  'campaigns.linkReport': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    linkReport(store.sql, store.writes, input.campaignId, input.reportId, write);
    return campaignView(store.sql, input.campaignId);
  },
  'campaigns.unlinkReport': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return campaignView(store.sql, unlinkReport(store.sql, store.writes, input.linkId, input.reason, write));
  },
  'operations.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return operationById(store.sql, createOperation(store.sql, store.writes, input, write));
  },
  'operations.void': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    store.writes.void('operations', input.id, input.reason, write);
    return null;
  },
};
