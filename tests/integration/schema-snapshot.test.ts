import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { openSqlite } from '../../db/store';
import { cleanup, tempDir } from '../support/backend';

const SNAPSHOT = join(import.meta.dirname, '..', 'fixtures', 'schema.sql');

afterEach(cleanup);

/**
 * The real migration chain, run on a new store, must produce the committed schema. A change to the
 * schema is a new migration plus an updated snapshot (UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run
 * tests/integration/schema-snapshot.test.ts), reviewed like code: a shipped migration never changes.
 */
describe('schema snapshot', () => {
  it('the migration chain produces the committed schema', () => {
    const db = openSqlite(join(tempDir(), 'schema.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
    db.close();
    const schema = `-- schema version ${migrations.length}\n${rows.map((row) => `${row.sql.replace(/\s+/g, ' ').trim()};`).join('\n')}\n`;
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema);
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
