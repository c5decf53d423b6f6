import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../core/fold';
import { address, officerName, personName } from '../../db/demo/names';
import { Random } from '../../db/demo/random';
import { FOLD_FUNCTION } from '../../db/stores/postgres-fold';
import { freshDatabase, type TestDatabase } from '../support/postgres';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Every character JavaScript's \s matches. */
const JS_SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** Look like spaces, are not \s: kept as they are by both. */
const NOT_SPACES = ['\u200b', '\u180e', '\u0085', '\u2060'];

/** Every Vietnamese vowel with every tone, composed (NFC) and decomposed (NFD), lower and upper case. */
function vietnameseLetters(): string[] {
  const letters: string[] = [];
  for (const vowel of VOWELS) {
    for (const tone of TONES) {
      const lower = (vowel + tone).normalize('NFC');
      letters.push(lower, lower.toUpperCase(), lower.normalize('NFD'), lower.toUpperCase().normalize('NFD'));
    }
  }
  return letters;
}

/** A random string over Latin, Vietnamese, Greek, Cyrillic, marks in and out of the folded range, spaces, punctuation, emoji. */
function randomText(random: Random): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x300, 0x36f],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
    [0x1ab0, 0x1abe],
    [0x1e00, 0x1eff],
    [0x2000, 0x206f],
    [0x20d0, 0x20f0],
    [0x3000, 0x3010],
    [0x1f600, 0x1f64f],
  ];
  let text = '';
  const length = random.int(0, 24);
  for (let index = 0; index < length; index += 1) {
    const [from, to] = random.pick(ranges);
    text += String.fromCodePoint(random.int(from, to));
  }
  return text;
}

function generated(count: number): string[] {
  const random = new Random(21);
  const out: string[] = [];
  while (out.length < count) {
    const name = personName(random, random.chance(0.5) ? 'male' : 'female');
    out.push(name, name.toUpperCase(), name.normalize('NFD'), `  ${name.replace(/ /g, () => random.pick([' ', '  ', '\t', '\u00a0', '\n']))} `);
    out.push(address(random, 'Thôn Đông', 'Quảng Hưng'), officerName(random), randomText(random));
  }
  return out.slice(0, count);
}

describe('fold() on PostgreSQL: the same answers as core/fold.ts', () => {
  let database: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await freshDatabase();
    client = new pg.Client(database.config);
    await client.connect();
    await client.query(FOLD_FUNCTION);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  /** fold() of each string on the server, in order. */
  async function folded(texts: readonly (string | null)[]): Promise<(string | null)[]> {
    const answer = await client.query<{ f: string | null }>(
      'SELECT fold(t.x) AS f FROM unnest($1::text[]) WITH ORDINALITY AS t(x, o) ORDER BY t.o',
      [texts],
    );
    return answer.rows.map((row) => row.f);
  }

  async function expectSameAsApp(texts: readonly string[]): Promise<void> {
    const server = await folded(texts);
    const differing = texts
      .map((text, index) => ({ text, app: fold(text), server: server[index] }))
      .filter((row) => row.app !== row.server);
    expect(differing).toEqual([]);
  }

  it('folds every Vietnamese vowel with every tone, in both cases and both normal forms, to its bare letter', async () => {
    const letters = vietnameseLetters();
    expect(letters).toHaveLength(VOWELS.length * TONES.length * 4);
    await expectSameAsApp(letters);
    // Not only equal to the app's: what a search needs.
    expect(await folded(['Ệ', 'ữ', 'Ậ', 'ỳ', 'Ở', 'ặ'])).toEqual(['e', 'u', 'a', 'y', 'o', 'a']);
  });

  it('makes đ and Đ a d, and folds the whole alphabet and mixed text', async () => {
    expect(await folded(['đ', 'Đ', 'Đường dây', 'ĐỖ ĐỨC ĐẠT'])).toEqual(['d', 'd', 'duong day', 'do duc dat']);
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
    await expectSameAsApp([
      alphabet,
      alphabet.toUpperCase(),
      'Nguyễn Văn A',
      '  ĐƯỜNG   DÂY\tma túy\n',
      '“Số 12/3, đường Lê Lợi — (tổ 5)!” ‘Hà Nội’; 100% … #ANTT @xã',
      'Trần Thị Ngọc Ánh, sinh 01/02/1990, CCCD 038190012345',
      'ΟΔΥΣΣΕΥΣ Ἀθῆναι',
      'İstanbul ẞ Ǆ ﬃ Й ё',
      'café naïve Ångström Øresund Łódź',
      '😀 𝐀𝐁 漢字',
    ]);
  });

  it('squeezes every JavaScript space to one and trims, and keeps what only looks like a space', async () => {
    await expectSameAsApp([...JS_SPACES].map((space) => `a${space}${space}b${space}`));
    expect(await folded([`${JS_SPACES}x${JS_SPACES}y${JS_SPACES}`])).toEqual(['x y']);
    await expectSameAsApp(NOT_SPACES.map((other) => ` a${other}b `));
  });

  it('gives the empty text for the empty text and for spaces only, and NULL for NULL', async () => {
    expect(await folded(['', '   ', '\t\n', null])).toEqual(['', '', '', null]);
  });

  it('agrees on 6,000 generated names, addresses and random texts', async () => {
    const texts = generated(6000);
    await expectSameAsApp(texts);
  });

  it('is IMMUTABLE: an index over fold() is built and a folded search finds through it', async () => {
    await client.query('CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL)');
    await client.query('CREATE INDEX people_fold ON people (fold(name) text_pattern_ops)');
    await client.query(
      `INSERT INTO people SELECT i, CASE WHEN i = 777 THEN 'Nguyễn Thị Đào' ELSE 'Người ' || i END FROM generate_series(1, 5000) AS i`,
    );
    await client.query('ANALYZE people');
    const found = await client.query(`SELECT id FROM people WHERE fold(name) LIKE fold($1) || '%'`, ['NGUYEN thi dao']);
    expect(found.rows).toEqual([{ id: 777 }]);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM people WHERE fold(name) LIKE 'nguyen thi%'`);
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('people_fold');
  });
});
