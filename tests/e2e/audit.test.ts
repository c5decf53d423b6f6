import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring, storeKeyOf } from '../../db/keyring';
import { openSqlite } from '../../db/store';
import { officeInBrowser } from './support/office-browser';
import { admin, office } from './support/people';
import { Layout, LoginPage } from './support/pages';

/**
 * The administrator's check of the audit log in a real browser (issue #9, "Access"): intact at first;
 * then an entry is edited behind the app's back, in the store file the app.host has open, and the check
 * names that entry.
 */
describe('the audit log check', () => {
  const app = officeInBrowser();

  it('says the chain is intact, then names the entry edited outside the application', async () => {
    const { page, screenshot, errors } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Người dùng');
    const section = page.getByRole('region', { name: 'Nhật ký thao tác' });
    await section.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await section.getByText(/^Chuỗi nhật ký nguyên vẹn: \d+ mục\.$/).waitFor();

    // Someone with the key edits the log directly: the setup entry now claims another office name.
    const keyring = Keyring.load(join(app.host.dataDir, 'keyring.json'));
    const key = await storeKeyOf(keyring.entry(admin.username)!, admin.password);
    const db = openSqlite(join(app.host.dataDir, 'so-antt.sqlite'), key!.toString('hex'), { quickCheck: false });
    const entry = db.prepare("SELECT id FROM audit_log WHERE table_name = 'offices' ORDER BY id LIMIT 1").pluck().get() as number;
    db.prepare("UPDATE audit_log SET after = replace(after, ?, 'Công an xã Khác') WHERE id = ?").run(office.name, entry);
    db.close();

    await section.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await section.getByText(new RegExp(`^Chuỗi nhật ký bị đứt tại mục số ${entry} \\(\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}, thao tác setup\\.create\\)`)).waitFor();
    await screenshot('audit-broken');
    expect(errors).toEqual([]);
  });
});
