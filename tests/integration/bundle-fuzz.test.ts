import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../api/result';
import { AppError } from '../../db/app-error';
import type { PublicKeyFile } from '../../db/exchange/keys';
import { importBundle } from '../../db/exchange/import';
import { cleanup, createOffice, expectOk, manualClock, tempDir, type TestOffice } from '../support/backend';
import { mutationNames, mutations, resign, seeded, type Random } from '../support/bundle-mutations';
import { REFUSAL_LOG, contentOf, foreignOffice, handBundle, type ForeignOffice } from '../support/exchange';
import { fuzzCases, fuzzSeed } from '../support/fuzz';

/**
 * Fuzzing the import (issue #9, "Fuzzing"): mutated bundles (flipped bits, cuts, appended bytes,
 * frames out of order, edited headers, the wrong signing key) and hostile bundles that a rogue but
 * enrolled sender signs (lines that are not JSON, records that break the schema, prototype keys, huge
 * counts, a missing or lying manifest). Each must be refused with an exchange error, or have its bad
 * records rejected one by one, never crash, and leave the store as it was.
 *
 * `npm test` runs 600 cases, `npm run fuzz` 10,000, FUZZ_CASES any number (tests/support/fuzz.ts). A
 * case is named by its seed: FUZZ_SEED=<seed> FUZZ_CASES=1 replays it.
 */
const CASES = fuzzCases(600, 10_000);
const FIRST_SEED = fuzzSeed;
const REFUSALS: readonly ErrorCode[] = ['exchange.tampered', 'exchange.bad_signature', 'exchange.undecryptable', 'exchange.bad_manifest', 'exchange.forbidden_record', 'exchange.not_bundle', 'exchange.unknown_sender', 'exchange.not_for_us', 'exchange.newer_schema', 'exchange.wrong_kind'];

const vn = (date: string) => Date.parse(`${date}T09:00:00+07:00`);

let province: TestOffice;
let good: Buffer;
let me: PublicKeyFile;
let rogue: ForeignOffice;
let stranger: ForeignOffice;
let communeSigner: string;
let caseFile: string;

beforeAll(async () => {
  caseFile = join(tempDir(), 'case.soantt');
  const clock = manualClock(vn('2026-11-20'));
  const commune = await createOffice({ now: clock.now });
  province = await createOffice({ now: clock.now, office: { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' }, localities: [] });
  const card = expectOk(await province.call('exchange.identity', {}));
  me = JSON.parse(card.publicKeyFile) as PublicKeyFile;
  const communeCard = expectOk(await commune.call('exchange.identity', {}));
  expectOk(await commune.call('exchange.enrol', { publicKey: card.publicKeyFile, role: 'parent', fingerprint: card.fingerprint }));
  expectOk(await province.call('exchange.enrol', { publicKey: communeCard.publicKeyFile, role: 'child', fingerprint: communeCard.fingerprint }));
  const person = expectOk(await commune.call('persons.create', { fullName: 'Nguyễn Văn Án', birthYear: 1990, citizenId: '038090001234' }));
  for (let i = 0; i < 30; i += 1) {
    expectOk(await commune.call('reports.create', { receivedAt: vn('2026-11-01') + i * 3_600_000, channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: `Trộm cắp lần ${i}`, persons: [{ personId: person.id, role: 'suspect' }] }));
  }
  const exported = expectOk(await commune.call('exchange.export', { recipients: [JSON.parse(card.publicKeyFile).keyId], mode: 'full' }));
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = expectOk(await commune.call('exchange.download', { bundleId: exported.bundleId, offset }));
    parts.push(Buffer.from(chunk.dataBase64, 'base64'));
    offset += parts.at(-1)!.length;
    if (chunk.done) break;
  }
  good = Buffer.concat(parts);
  communeSigner = commune.backend.requireStore().sql.prepare('SELECT sign_private FROM exchange_identity').pluck().get() as string;
  rogue = foreignOffice({ id: '12399', code: '12399', name: 'Công an xã Thử Nghiệm', level: 'commune' });
  expectOk(await province.call('exchange.enrol', { publicKey: rogue.text, role: 'child', fingerprint: rogue.file.fingerprint }));
  stranger = foreignOffice({ id: '12345', code: '12345', name: 'Công an xã Quảng Hưng', level: 'commune' });
}, 60_000);

afterAll(cleanup);

/** A record line a rogue sender might sign: a valid-looking report with one thing wrong. */
function hostileRecord(random: Random): unknown {
  const base = {
    id: `0190aaaa-0000-7000-8000-${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
    office_id: '12399',
    version: '1790000000000-00000-aaaa',
    base_version: null,
    seq: 1,
    created_at: 1,
    created_by: null,
    updated_at: 1,
    updated_by: null,
    deleted_at: null,
    void_reason: null,
    name: 'Thôn Thử',
    kind: 'thôn',
  };
  const spoil: (() => unknown)[] = [
    () => ({ t: 'localities', r: { ...base, name: null } }),
    () => ({ t: 'localities', r: { ...base, name: 'x'.repeat(200_000) } }),
    () => ({ t: 'localities', r: { ...base, kind: { nested: [1, 2, 3] } } }),
    () => ({ t: 'localities', r: { ...base, version: "1'); DROP TABLE reports; --" } }),
    () => ({ t: 'localities', r: JSON.parse(`{"__proto__":{"polluted":true},"id":"${base.id}"}`) }),
    () => ({ t: 'localities', r: { ...base, office_id: '38' } }),
    () => ({ t: 'localities', r: { ...base, extra: 1 } }),
    () => ({ t: 'users', r: { ...base, username: 'admin', full_name: 'x', rank: '', position: '', role: 'admin', active: 1 } }),
    () => ({ t: 'sqlite_schema', r: base }),
    () => ({ t: '__proto__', r: base }),
    () => ({ t: 'reports', r: { ...base, received_at: 'hôm qua' } }),
    () => ({ t: 'report_persons', r: { ...base, report_id: 'nope', person_id: 'nope', role: 'suspect' } }),
    () => ({ t: 'localities', r: [base] }),
    () => ({ t: 'localities', r: null }),
    () => ({ t: 'localities', r: { ...base, name: 'Thôn \u202Egnp.exe \u0000 ÐĐđ 山 ❤' } }),
    () => ({ t: 'localities', r: { ...base, deleted_at: 'never' } }),
  ];
  return spoil[Math.floor(random() * spoil.length)]!();
}

/** A bundle signed by an enrolled but rogue sender. */
function hostileBundle(random: Random): Buffer {
  const raw: unknown[] = [];
  const kinds = Math.floor(random() * 6);
  if (kinds === 0) raw.push('{"t":"localities","r":{', 'null', '[]', '"text"', '{"t":5}', '['.repeat(20_000));
  const records = Array.from({ length: 1 + Math.floor(random() * 5) }, () => hostileRecord(random));
  const manifests: unknown[] = [undefined, null, { manifest: { counts: { localities: 1e308 }, records: 1e308, sha256: '0'.repeat(64) } }, { manifest: 'x' }, { nope: 1 }];
  const manifest = kinds === 1 ? manifests[Math.floor(random() * manifests.length)] : undefined;
  const lines = records.filter((r): r is { t: string; r: Record<string, unknown> } => typeof r === 'object' && r !== null);
  const path = handBundle({ path: `${caseFile}.hostile`, from: rogue, to: me, lines: kinds >= 2 ? lines : [], raw: kinds < 2 ? [...raw, ...records] : [], manifest, ...(kinds === 5 ? { raw: [{ manifest: { counts: {}, records: 0, sha256: '' } }, '{"after":"manifest"}'] } : {}) });
  return readFileSync(path);
}

type Outcome = { refused: ErrorCode } | { rejected: number; taken: number };

const signedBySender = (name: string) => name === 'hostile' || name === 'resigned';

function importOnce(bytes: Buffer, apply: boolean): Outcome {
  const path = caseFile;
  writeFileSync(path, bytes);
  const store = province.backend.requireStore();
  try {
    const summary = importBundle(store.sql, store.writes, { path, apply, now: Date.now(), userId: null });
    return { rejected: summary.counts.rejected, taken: summary.counts.new + summary.counts.updated + summary.counts.deleted };
  } catch (error) {
    if (error instanceof AppError && REFUSALS.includes(error.code)) return { refused: error.code };
    throw error;
  }
}

describe(`the import under ${CASES} mutated and hostile bundles`, () => {
  it('refuses each spoiled file with an exchange error, never crashes, and changes nothing', () => {
    // A forged record is refused with its whole bundle and the refusal kept (an alert, an audit entry).
    const before = contentOf(province, REFUSAL_LOG);
    const alerts = () => province.backend.requireStore().sql.prepare('SELECT count(*) FROM exchange_alerts').pluck().get() as number;
    let alertsBefore = alerts();
    const tally: Record<string, number> = {};
    for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed += 1) {
      const random = seeded(seed);
      const pick = Math.floor(random() * (mutationNames.length + 3));
      let bytes: Buffer;
      let name: string;
      if (pick < mutationNames.length) {
        name = mutationNames[pick]!;
        bytes = mutations[name as keyof typeof mutations](good, random);
      } else if (pick === mutationNames.length) {
        // The enrolled sender's key id, another key's signature.
        name = 'wrongKey';
        bytes = resign(random() < 0.5 ? good : mutations.flipBits(good, random), stranger.keys.signPrivate);
      } else if (pick === mutationNames.length + 1) {
        // The sender's own key over changed bytes: decryption and the manifest must still catch it.
        name = 'resigned';
        bytes = resign(mutations[random() < 0.5 ? 'reorder' : 'flipBits'](good, random), communeSigner);
      } else {
        name = 'hostile';
        bytes = hostileBundle(random);
      }
      // A mutation can happen to give the bytes back unchanged (a cut just after the header's end, the
      // same sequence number): that is the good bundle, not a spoiled one.
      if (bytes.equals(good)) {
        tally['no-op'] = (tally['no-op'] ?? 0) + 1;
        continue;
      }
      let outcome: Outcome;
      try {
        // Signed by the enrolled sender, a bundle may carry valid records too: those run as dry runs
        // (applying what is valid is tested below). Every tenth other case is applied for real.
        outcome = importOnce(bytes, !signedBySender(name) && seed % 10 === 0);
      } catch (error) {
        throw new Error(`case ${seed} (${name}) crashed: ${String(error)}`);
      }
      const key = 'refused' in outcome ? `${name}: ${outcome.refused}` : `${name}: records rejected`;
      tally[key] = (tally[key] ?? 0) + 1;
      // Whatever the sender did not sign is refused at the signature; nothing ever changes the store.
      if (!signedBySender(name) && !('refused' in outcome)) throw new Error(`case ${seed} (${name}) was not refused: ${JSON.stringify(outcome)}`);
      expect(contentOf(province, REFUSAL_LOG), `case ${seed} (${name}) changed the store`).toEqual(before);
      const forged = 'refused' in outcome && outcome.refused === 'exchange.forbidden_record';
      expect(alerts(), `case ${seed} (${name}) alerts`).toBe(alertsBefore + (forged ? 1 : 0));
      alertsBefore = alerts();
    }
    // Every kind of spoiling was tried and ended as expected.
    const kinds = new Set(Object.keys(tally).filter((key) => key !== 'no-op').map((key) => key.split(':')[0]));
    if (CASES >= 200) expect(kinds).toEqual(new Set([...mutationNames, 'wrongKey', 'resigned', 'hostile']));
    console.log(`bundle fuzz: ${CASES} cases, 0 crashes`, tally);
  }, 600_000);

  it('the good bundle still imports after all of that', () => {
    const outcome = importOnce(good, false);
    expect(outcome).toMatchObject({ rejected: 0 });
  });

  it('keeps very long text, control characters and mixed scripts exactly as sent, and refuses what breaks a column', () => {
    const names = ['x'.repeat(200_000), 'Thôn \u202Egnp.exe ÐĐđ 山 ❤ \u0007', 'Nguyễn'.normalize('NFD'), '🇻🇳 Tổ dân phố 5'];
    const record = (i: number, name: unknown) => ({
      t: 'localities',
      r: { id: `0190bbbb-0000-7000-8000-00000000000${i}`, office_id: '12399', version: '1790000000000-00000-aaaa', base_version: null, seq: 1, created_at: 1, created_by: null, updated_at: 1, updated_by: null, deleted_at: null, void_reason: null, name, kind: 'thôn' },
    });
    const lines = [...names.map((name, i) => record(i, name)), record(7, { not: 'text' }), record(8, null)];
    const bytes = readFileSync(handBundle({ from: rogue, to: me, lines: lines as { t: string; r: Record<string, unknown> }[], seq: 2 }));
    const outcome = importOnce(bytes, true);
    expect(outcome).toEqual({ taken: names.length, rejected: 2 });
    const stored = province.backend.requireStore().sql.prepare("SELECT name FROM localities WHERE office_id = '12399' ORDER BY id").pluck().all();
    expect(stored).toEqual(names);
  });
});
