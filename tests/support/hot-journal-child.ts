import { existsSync } from 'node:fs';
import { openSqlite } from '../../db/store';

/**
 * A process of its own for tests/integration/key-rotation.test.ts: opens the SQLite file argv[2] with
 * the key argv[3] in rollback-journal mode with a cache of a few pages, and writes a megabyte in a
 * transaction it never commits. The cache spills to the file mid-transaction, which SQLite does only
 * once the journal (the pages as they were) is on disk: then it says "hot" and waits to be killed, which
 * leaves a hot journal beside the file, as a cut-off write (a cut-off re-key of a copy) does.
 */
const [file, keyHex] = process.argv.slice(2) as [string, string];
const db = openSqlite(file, keyHex, { quickCheck: false });
db.pragma('journal_mode = DELETE');
db.pragma('cache_size = 4');
db.prepare('BEGIN').run();
db.prepare('CREATE TABLE padding (bytes BLOB)').run();
for (let i = 0; i < 64; i += 1) db.prepare('INSERT INTO padding VALUES (randomblob(16384))').run();
db.prepare('UPDATE audit_log SET call = call').run();
if (!existsSync(`${file}-journal`)) throw new Error('no journal was written');
process.stdout.write('hot\n');
setInterval(() => undefined, 1000);
