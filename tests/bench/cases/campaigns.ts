import { campaignView } from '../../../db/campaigns/campaigns';
import { countResults } from '../../../db/campaigns/results';
import { uuidv7 } from '../../../db/ids';
import { addDays } from '../../../core/calendar';
import { measureSeed } from '../../../db/seed/measures';
import { time, type BenchRow } from '../harness';
import { random } from '../random';
import type { RegisterStore } from './register';

const OFFICE = '12345';

/** Campaigns over the years, each with targets and its share of operations and seizures (bulk path). */
export function addCampaigns(store: RegisterStore, campaigns: number, operations: number): string {
  const { db, now } = store;
  const next = random(11);
  const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
  const insertMeasure = db.prepare(`INSERT INTO measures (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, unit, source, sort) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?, ?)`);
  const insertCampaign = db.prepare(`INSERT INTO campaigns (id, office_id, version, seq, created_at, updated_at, name, start_date, end_date, scope_all) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, 1)`);
  const insertCategory = db.prepare(`INSERT INTO campaign_categories (id, office_id, version, seq, created_at, updated_at, campaign_id, category_code) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?)`);
  const insertTarget = db.prepare(`INSERT INTO campaign_targets (id, office_id, version, seq, created_at, updated_at, campaign_id, measure_code, target) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?)`);
  const insertOperation = db.prepare(
    `INSERT INTO operations (id, office_id, version, seq, created_at, updated_at, campaign_id, kind, started_at, persons_arrested, persons_sanctioned) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, 'raid', ?, ?, ?)`,
  );
  const insertSeizure = db.prepare(`INSERT INTO operation_seizures (id, office_id, version, seq, created_at, updated_at, operation_id, measure_code, quantity) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?)`);
  const ids: string[] = [];
  db.transaction(() => {
    measureSeed.forEach(([code, vi, en, unit, source], i) => insertMeasure.run(uuidv7(), code, vi, en, unit, source, i));
    for (let i = 0; i < campaigns; i += 1) {
      const id = uuidv7();
      ids.push(id);
      const start = addDays(today, -30 * (campaigns - i));
      insertCampaign.run(id, `Đợt cao điểm ${i + 1}`, start, addDays(start, 29));
      insertCategory.run(uuidv7(), id, 'drug_trafficking');
      insertCategory.run(uuidv7(), id, 'illegal_lottery');
      insertTarget.run(uuidv7(), id, 'persons_handled', 20);
      insertTarget.run(uuidv7(), id, 'heroin', 500);
    }
    for (let i = 0; i < operations; i += 1) {
      const campaign = ids[Math.floor(next() * ids.length)]!;
      const op = uuidv7();
      insertOperation.run(op, campaign, now - Math.floor(next() * 4000) * 86_400_000, Math.floor(next() * 4), Math.floor(next() * 3));
      insertSeizure.run(uuidv7(), op, 'heroin', Math.round(next() * 500) / 10);
    }
  })();
  return ids[ids.length - 1]!;
}

export function campaignCases(store: RegisterStore, campaignId: string): BenchRow[] {
  const { db } = store;
  const campaign = db.prepare('SELECT start_date, end_date FROM campaigns WHERE id = ?').get(campaignId) as { start_date: string; end_date: string };
  const rawCount = db.prepare(
    `SELECT count(*) FROM reports WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? AND category_code IN ('drug_trafficking', 'illegal_lottery')`,
  );
  const from = Date.parse(`${campaign.start_date}T00:00:00+07:00`);
  const to = Date.parse(`${campaign.end_date}T00:00:00+07:00`) + 86_400_000;
  return [
    {
      name: 'campaign page with every result counted live (targets, previous campaign, same period last year)',
      ours: time(() => campaignView(db, campaignId), 30),
      baseline: time(() => rawCount.get(from, to), 30),
      budgetMs: 50,
    },
    {
      name: 'one result count over the campaign scope',
      ours: time(() => countResults(db, { start: campaign.start_date, end: campaign.end_date, localities: null, categories: ['drug_trafficking', 'illegal_lottery'], campaignId, officeId: '12345' }), 30),
      baseline: time(() => rawCount.get(from, to), 30),
    },
  ];
}
