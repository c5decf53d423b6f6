import { AppError } from '../app-error';
import { graphAround } from '../graph';
import { checkHotspot, createHotspot, hotspotsDue, hotspotView, linkPerson as linkHotspotPerson, linkReport, listHotspots, setStatus, unlink, updateHotspot } from '../hotspots';
import { duplicateGroups, duplicatesOf, linkPersons, listPersons, mergePersons, personOverview } from '../people';
import { findPerson, matchPerson, personForInput, personView, searchPersons, updatePerson } from '../persons';
import { checkIn, createProgram, endProgram, kindView, listKinds, listPrograms, programView, reminders, updateProgram } from '../programs';
import { storeFor, type HandlersOf } from './context';
import { codeFromName } from '../code-names';

export const peopleHandlers: HandlersOf<'persons.' | 'programs.' | 'hotspots.' | 'graph.'> = {
  'persons.match': (ctx, input) => matchPerson(storeFor(ctx).store.sql, input),
  'persons.search': (ctx, input) => searchPersons(storeFor(ctx).store.sql, input.q, input.limit),
  'persons.get': (ctx, input) => {
    const row = findPerson(storeFor(ctx).store.sql, input.id);
    if (!row) throw new AppError('record.not_found', `person ${input.id} not found`);
    return personView(row);
  },
  'persons.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return personView(updatePerson(store.sql, store.writes, input.id, input.baseVersion, input.fields, write));
  },
  'persons.list': (ctx, input) => listPersons(storeFor(ctx).store.sql, input),
  'persons.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return { id: personForInput(store.sql, store.writes, input, write).id };
  },
  'persons.overview': (ctx, input) => personOverview(storeFor(ctx).store.sql, input.id),
  'persons.link': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    linkPersons(store.sql, store.writes, input, write);
    return null;
  },
  'persons.unlink': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    store.writes.void('person_links', input.linkId, input.reason, write);
    return null;
  },
  'persons.duplicates': (ctx, input) => duplicateGroups(storeFor(ctx).store.sql, input.limit),
  'persons.duplicatesOf': (ctx, input) => duplicatesOf(storeFor(ctx).store.sql, input.id),
  'persons.merge': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    mergePersons(store.sql, store.writes, input, write, ctx.backend.now());
    return personOverview(store.sql, input.keepId);
  },
  'persons.moveAway': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    store.writes.update('persons', input.id, input.baseVersion, { moved_to: input.to, moved_on: input.on }, write);
    return personOverview(store.sql, input.id);
  },
  'programs.kinds': (ctx) => listKinds(storeFor(ctx).store.sql),
  'programs.createKind': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const sort = (store.sql.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM program_kinds').get() as { n: number }).n;
    const taken = (code: string) => store.sql.prepare('SELECT 1 FROM program_kinds WHERE code = ?').get(code) !== undefined;
    if (input.code !== '' && taken(input.code)) {
      throw new AppError('validation', 'this code is taken', { fields: { code: 'v.invalid' } });
    }
    const code = input.code !== '' ? input.code : codeFromName(input.nameVi, taken, 'kind');
    return kindView(
      store.writes.insert(
        'program_kinds',
        { code, name_vi: input.nameVi, name_en: input.nameEn, months: input.months, checkin_days: input.checkinDays, drug_test_days: input.drugTestDays, source: input.source, sort },
        write,
      ),
    );
  },
  'programs.list': (ctx, input) => listPrograms(storeFor(ctx).store.sql, input),
  'programs.get': (ctx, input) => programView(storeFor(ctx).store.sql, input.id),
  'programs.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return programView(store.sql, createProgram(store.sql, store.writes, input, write).id);
  },
  'programs.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return programView(store.sql, updateProgram(store.sql, store.writes, input.id, input.baseVersion, input.fields, write).id);
  },
  'programs.checkin': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return programView(store.sql, checkIn(store.sql, store.writes, input, write).id);
  },
  'programs.end': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return programView(store.sql, endProgram(store.sql, store.writes, input.id, input.baseVersion, input, write).id);
  },
  'programs.reminders': (ctx, input) => reminders(storeFor(ctx).store.sql, input.withinDays, ctx.backend.now()),
  'hotspots.list': (ctx, input) => listHotspots(storeFor(ctx).store.sql, input),
  'hotspots.get': (ctx, input) => hotspotView(storeFor(ctx).store.sql, input.id),
  'hotspots.create': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return hotspotView(store.sql, createHotspot(store.sql, store.writes, input, write).id);
  },
  'hotspots.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return hotspotView(store.sql, updateHotspot(store.sql, store.writes, input.id, input.baseVersion, input.fields, write).id);
  },
  'hotspots.setStatus': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return hotspotView(store.sql, setStatus(store.sql, store.writes, input.id, input.baseVersion, input.status, input.on, input.note, write).id);
  },
  'hotspots.linkPerson': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    linkHotspotPerson(store.sql, store.writes, input, write);
    return hotspotView(store.sql, input.hotspotId);
  },
  'hotspots.linkReport': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    linkReport(store.sql, store.writes, input, write);
    return hotspotView(store.sql, input.hotspotId);
  },
  'hotspots.unlink': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return hotspotView(store.sql, unlink(store.sql, store.writes, input.linkId, input.reason, write));
  },
  'hotspots.check': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return hotspotView(store.sql, checkHotspot(store.sql, store.writes, input, write).id);
  },
  'hotspots.due': (ctx, input) => hotspotsDue(storeFor(ctx).store.sql, input.withinDays, ctx.backend.now()),
  'graph.around': (ctx, input) => graphAround(storeFor(ctx).store.sql, { kind: input.kind, id: input.id }, input.depth),
};
