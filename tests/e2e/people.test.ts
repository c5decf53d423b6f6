import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { Layout, LoginPage } from './support/pages';
import { admin, officer } from './support/people';
import { GraphView, HotspotForm, HotspotView, PersonForm, PersonsList, PersonView, ProgramView } from './support/people-pages';

/**
 * People under management, hotspots and the link graph in a real browser, as an officer: add a person,
 * put them under drug-user supervision (12 months), record a check-in; see a check-in due on the
 * reminders page; add a hotspot, link two people, check it, clear it and find it in the re-check list;
 * open the link graph from a person. The office, the officer and a second supervised person are set up
 * through the host's API.
 */

const DAY_MS = 86_400_000;
const vnDate = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const today = vnDate(Date.now());
const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

const HUNG = 'Trần Văn Hùng';
const MAI = 'Lê Thị Mai';
const SPOT = 'Quán nước đầu cầu Đông';

describe('people, programs, hotspots and the link graph', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    await setUpOffice(host);
    const asAdmin = await loginHost(host, admin.username, admin.password);
    const added = await createUserHost(host, asAdmin, { ...officer, role: 'officer' });
    if (!added.ok) throw new Error(`adding the officer failed: ${JSON.stringify(added.error)}`);
    // A person under supervision since 25 days ago: a check-in (every 30 days) falls due within the window.
    const asOfficer = await loginHost(host, officer.username, officer.password);
    const mai = await asOfficer('persons.create', { fullName: MAI, birthYear: 1995, gender: 'female' });
    if (!mai.ok) throw new Error(JSON.stringify(mai.error));
    const program = await asOfficer('programs.create', { personId: mai.value.id, kindCode: 'drug_user', startDate: vnDate(Date.now() - 25 * DAY_MS) });
    if (!program.ok) throw new Error(JSON.stringify(program.error));
    browser = await launchBrowser();
    watched = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('adds a person from the persons list', async () => {
    const { page, screenshot } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(officer.username, officer.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    for (const name of ['Đối tượng', 'Quản lý đối tượng', 'Tụ điểm', 'Nhắc việc']) expect(await layout.navLink(name).count()).toBe(1);
    await layout.open('Đối tượng');
    const list = new PersonsList(page);
    await list.heading().waitFor();
    await list.search().fill('le thi mai');
    await list.row(MAI).waitFor();
    await screenshot('people-01-list');
    await page.getByRole('link', { name: 'Thêm đối tượng' }).click();
    await new PersonForm(page).create(HUNG, '1992');
    await new PersonView(page).heading(HUNG).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã thêm hồ sơ đối tượng.' }).waitFor();
    await screenshot('people-02-person');
  });

  it('puts the person under drug-user supervision for 12 months and records a check-in', async () => {
    const { page, screenshot } = watched;
    const panel = await new PersonView(page).openProgramForm();
    await panel.getByLabel('Diện quản lý', { exact: true }).selectOption({ label: 'Quản lý người sử dụng trái phép chất ma túy' });
    await panel.getByLabel('Số quyết định', { exact: true }).fill('12/QĐ-UBND');
    await panel.getByText(`Kết thúc dự kiến: ${dmy(inAYear)} (12 tháng kể từ ngày bắt đầu).`).waitFor();
    await screenshot('people-03-program-form');
    await panel.getByRole('button', { name: 'Lưu chương trình', exact: true }).click();
    const program = new ProgramView(page);
    await program.heading(HUNG).waitFor();
    expect(await program.details().textContent()).toContain(dmy(inAYear));
    await program.checkIn('Gặp tại trụ sở, chấp hành tốt', 'Âm tính');
    const row = program.checkins().getByRole('row').filter({ hasText: 'Âm tính' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Gặp tại trụ sở, chấp hành tốt');
    await screenshot('people-04-checkin');
  });

  it('shows the check-in due on the reminders page and the overview', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Nhắc việc');
    const upcoming = page.getByRole('region', { name: /^Sắp đến hạn/ });
    const row = upcoming.getByRole('row').filter({ hasText: MAI });
    await row.first().waitFor();
    expect(await upcoming.textContent()).toContain('Đến hạn gặp gỡ, kiểm tra');
    await screenshot('people-05-reminders');
    await new Layout(page).open('Tổng quan');
    await page.getByText('Việc quản lý đối tượng sắp đến hạn').waitFor();
  });

  it('records a hotspot, links two people, checks it and clears it', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Tụ điểm');
    await page.getByRole('link', { name: 'Thêm tụ điểm' }).click();
    await new HotspotForm(page).create({ name: SPOT, type: 'Điểm sử dụng ma túy', locality: 'Thôn Đông Hải', address: 'Đầu cầu Đông', risk: 'Cao', reviewDays: '7' });
    const spot = new HotspotView(page);
    await spot.heading(SPOT).waitFor();
    await spot.linkPerson('tran van hung', HUNG, 'Chủ, người tổ chức');
    await spot.linkPerson('le thi', MAI, 'Người sử dụng');
    await screenshot('people-06-hotspot-people');
    await spot.check('Phát hiện 3 người đang sử dụng ma túy');
    await spot.checks().getByRole('row').filter({ hasText: 'Phát hiện 3 người' }).waitFor();
    await spot.setStatus('Đã triệt xóa', 'Đã triệt xóa theo kế hoạch');
    await spot.history().getByRole('row').filter({ hasText: 'Đã triệt xóa' }).waitFor();
    await screenshot('people-07-hotspot-cleared');
  });

  it('lists the cleared hotspot for a re-check on the due page', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Tụ điểm');
    await page.getByRole('link', { name: 'Tụ điểm đến hạn' }).click();
    const recheck = page.getByRole('region', { name: /^Đã triệt xóa, cần kiểm tra lại/ });
    await recheck.getByRole('link', { name: SPOT }).waitFor();
    await screenshot('people-08-hotspots-due');
  });

  it('opens the link graph from a person and lists its nodes', async () => {
    const { page, screenshot } = watched;
    await new Layout(page).open('Đối tượng');
    const list = new PersonsList(page);
    await list.search().fill('tran van hung');
    await list.row(HUNG).click();
    await new PersonView(page).heading(HUNG).waitFor();
    await page.getByRole('link', { name: 'Sơ đồ liên hệ' }).click();
    const graph = new GraphView(page);
    await graph.heading(HUNG).waitFor();
    await graph.canvas().locator('canvas').first().waitFor();
    expect(await graph.nodes().count()).toBe(3);
    const nodes = (await graph.nodes().allTextContents()).join('\n');
    expect(nodes).toContain(HUNG);
    expect(nodes).toContain(MAI);
    expect(nodes).toContain(SPOT);
    await page.waitForTimeout(300);
    await screenshot('people-09-graph');
  });

  it('logged no console errors', () => {
    expect(watched.errors).toEqual([]);
  });
});
