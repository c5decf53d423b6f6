import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../api/result';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every validation key the backend can send ('v.*' literals in api/ and db/). */
const backendKeys = [...new Set(['api', 'db'].flatMap(sources).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(v\.[a-z_]+)'/g)].map((m) => m[1]!)))];

describe('every message the backend can send has Vietnamese and English text', () => {
  it('finds the validation keys it checks', () => {
    expect(backendKeys).toContain('v.required');
    expect(backendKeys.length).toBeGreaterThan(10);
  });

  it.each(backendKeys)('%s', (key) => {
    expect((vi as Record<string, string>)[key], `vi ${key}`).toBeTruthy();
    expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
  });

  it.each([...errorCodes])('error %s', (code) => {
    expect((vi as Record<string, string>)[code], `vi ${code}`).toBeTruthy();
    expect((en as Record<string, string>)[code], `en ${code}`).toBeTruthy();
  });

  it('Vietnamese texts carry diacritics (a sample of keys written without them would read as broken)', () => {
    expect(vi['v.required' as keyof typeof vi]).toMatch(/[ắằẳẵặăâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
  });
});
