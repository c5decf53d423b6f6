import { afterAll, describe, expect, it } from 'vitest';
import { addUser, cleanup, createOffice, expectError, expectOk } from '../support/backend';

/**
 * Drafts of long forms in the encrypted store (migration 0013): each user reads, saves and discards only
 * their own, by form; a bad form key or data that is not JSON is refused and changes nothing; a locked
 * session reads none.
 */

afterAll(() => cleanup());

describe('drafts', () => {
  it('keeps each user their own draft of each form, and no one reads or clears another\'s', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'can.bo.a', password: 'Người-A-tuần-tra-Bến-Tre' });
    await addUser(office, { username: 'can.bo.b', password: 'Người-B-trực-ban-Cà-Mau' });
    const a = await office.login('can.bo.a', 'Người-A-tuần-tra-Bến-Tre');
    const b = await office.login('can.bo.b', 'Người-B-trực-ban-Cà-Mau');
    const typed = JSON.stringify({ summary: 'Tố giác ghi số đề', reporterName: 'Trần Văn Bình' });

    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))).toBeNull();
    expectOk(await office.callAs(a, 'drafts.save', { form: 'report.new', data: typed }));
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))?.data).toBe(typed);
    // Another form of the same user is another draft.
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'person.new' }))).toBeNull();

    // B sees nothing of A's, and B's discard of the same form leaves A's draft.
    expect(expectOk(await office.callAs(b, 'drafts.get', { form: 'report.new' }))).toBeNull();
    expectOk(await office.callAs(b, 'drafts.discard', { form: 'report.new' }));
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))?.data).toBe(typed);
    // No call names a user: a user id slipped into the input is refused (the contract takes no unknown key); the session decides.
    expect(expectError(await office.callAs(b, 'drafts.get', { form: 'report.new', userId: office.adminId } as never), 'validation').fields).toEqual({ userId: 'v.unknown_field' });

    // Saving again replaces it; discarding removes it.
    const more = JSON.stringify({ summary: 'Tố giác ghi số đề tại chợ Đông' });
    expectOk(await office.callAs(a, 'drafts.save', { form: 'report.new', data: more }));
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))?.data).toBe(more);
    expectOk(await office.callAs(a, 'drafts.discard', { form: 'report.new' }));
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))).toBeNull();

    // Bad input is refused and changes nothing.
    expectError(await office.callAs(a, 'drafts.save', { form: 'report.new', data: '{not json' }), 'validation');
    expectError(await office.callAs(a, 'drafts.save', { form: '../other user', data: '{}' }), 'validation');
    expect(expectOk(await office.callAs(a, 'drafts.get', { form: 'report.new' }))).toBeNull();
  });

  it('is refused without a logged-in session', async () => {
    const office = await createOffice();
    const anonymous = office.backend.sessions.create(office.backend.now());
    expectError(await office.callAs(anonymous, 'drafts.get', { form: 'report.new' }), 'auth.required');
    expectError(await office.callAs(anonymous, 'drafts.save', { form: 'report.new', data: '{}' }), 'auth.required');
  });
});
