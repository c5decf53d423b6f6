import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runGenerateCli } from '../../../web/generate-cli';
import { ADMIN } from '../../support/backend';
import { REGISTER_NOW, type RegisterOffice } from '../../support/register-store';

/**
 * The province of issue #8: a higher office's store holding `offices` generated communes over `years`
 * years (100 × 10 gives about a million reports), built by the same command an administrator runs
 * (`npm run generate`), so through the bulk path every import takes. With `keep` the folder is built
 * once and reused on later runs: building takes tens of minutes.
 */
export async function provinceOffice(dir: string, offices: number, years: number, keep?: string): Promise<RegisterOffice> {
  const dataDir = keep ?? join(dir, 'province');
  const office = { dataDir, now: REGISTER_NOW, username: 'admin', password: ADMIN.password };
  if (keep && existsSync(join(keep, 'keyring.json'))) {
    console.log(`\n(reusing the province in ${keep})`);
    return office;
  }
  const started = Date.now();
  let last = 0;
  const code = await runGenerateCli(
    ['--data', dataDir, '--offices', String(offices), '--years', String(years), '--seed', '1', '--user', office.username],
    {
      // One progress line a minute: the build is long, and the figures are what matters.
      out: (line) => {
        if (Date.now() - last < 60_000 && !line.startsWith('Xong')) return;
        last = Date.now();
        console.log(line);
      },
      err: (line) => console.error(line),
      password: () => Promise.resolve(office.password),
    },
    () => REGISTER_NOW,
  );
  if (code !== 0) throw new Error(`npm run generate failed (${code})`);
  console.log(`\n(province of ${offices} communes over ${years} years built in ${((Date.now() - started) / 60_000).toFixed(1)} min in ${dataDir})`);
  return office;
}
