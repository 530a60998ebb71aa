/**
 * 参加支援 end to end: a coordinator (with a second factor) registers a participant, sees ranked
 * openings with reasons, proposes one, the host answers through the reply link without an
 * account, the visit and the start are recorded, the 1-week follow-up appears, and the numbers
 * page counts the placement. Then: nobody else reads participant data.
 */
import type { Browser, Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { buildDemoTown, DEMO_EXAMPLE_OPENING_TITLE } from '../../scripts/seed/demo-town';
import { DEMO, expect, expectFits, expectNoAxeViolations, signIn, test } from './fixtures';

const email = (role: string) => DEMO.users.find((u) => u.role === role)!.email;
const AREA = buildDemoTown().exampleAreaName;
const CODE = 'E2E-0001';

/**
 * The coordinator's TOTP secret once enrolled (the first test here enrols the demo coordinator,
 * so files that run later sign in as someone else), and the last time step a code was used for.
 */
let secret: string | null = null;
let lastStep = 0;

/** A code for a time step not used yet (each code works once; the server accepts ±1 step). */
async function freshCode(page: Page): Promise<string> {
	let step = Math.floor(Date.now() / 30_000);
	if (step <= lastStep) step = lastStep + 1;
	while (step > Math.floor(Date.now() / 30_000) + 1) await page.waitForTimeout(1_000);
	lastStep = step;
	return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret!), digits: 6, period: 30 }).generate({ timestamp: step * 30_000 });
}

/** Signs the coordinator in with the second factor — enrolling it the first time, as a person would. */
async function coordinator(page: Page): Promise<void> {
	await signIn(page, email('coordinator'));
	await expect(page).not.toHaveURL(/\/auth\/sign-in/);
	await page.goto('/participation');
	await expect(page).toHaveURL(/\/(account|auth)\/totp\?next=%2Fparticipation&why=aal2/);
	await expect(page.getByRole('status')).toHaveText('参加者の情報を扱うには、2段階認証（確認コード）が必要です。');
	await expectNoAxeViolations(page);
	if (/\/account\/totp/.test(page.url())) secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await page.getByLabel('確認コード（6桁）').fill(await freshCode(page));
	await page.getByRole('button', { name: '確認する' }).click();
	await expect(page).toHaveURL(/\/participation$/);
}

async function connectedTotal(page: Page): Promise<[number, number]> {
	await page.goto('/participation/numbers');
	const text = (await page.getByTestId('connected-rate').textContent())!;
	const [, connected, participants] = text.match(/（(\d+)\/(\d+)人）/)!;
	return [Number(connected), Number(participants)];
}

async function answerAsHost(browser: Browser, link: string): Promise<void> {
	const context = await browser.newContext();
	const host = await context.newPage();
	await host.goto(link);
	await expect(host.getByRole('heading', { level: 1 })).toHaveText('参加の受け入れのご相談');
	// only what the person agreed to share: age band and needs — never the code or the notes
	await expect(host.getByTestId('host-summary')).toHaveText('30代・静かな環境・初回は同伴が必要');
	await expect(host.locator('body')).not.toContainText(CODE);
	await expect(host.locator('body')).not.toContainText('電話は苦手');
	await expectNoAxeViolations(host);
	await host.getByLabel('見学OK').check();
	await host.getByLabel('候補日1').fill('2026-12-10');
	await host.getByRole('button', { name: '返事を送る' }).click();
	await expect(host.getByTestId('host-thanks')).toBeVisible();
	// single use: the same link answers nothing more
	await host.goto(link);
	await expect(host.getByRole('alert')).toHaveText('このリンクはすでに使われました。');
	await context.close();
}

test('a coordinator matches a participant to an opening and follows the placement through', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await coordinator(page);
	await expectNoAxeViolations(page);
	const [connectedBefore, participantsBefore] = await connectedTotal(page);

	// 30代, ひきこもり経験, 木曜午前のみ, 徒歩20分以内, 静かな環境, 初回同伴
	await page.goto('/participation/participants/new');
	await expectNoAxeViolations(page);
	await page.getByLabel('番号（仮名）').fill(CODE);
	await page.getByLabel('住んでいる地域').selectOption({ label: AREA });
	await page.getByRole('radio', { name: '30代' }).check();
	await page.getByRole('checkbox', { name: 'ひきこもり' }).check();
	await page.getByRole('checkbox', { name: '木 午前' }).check();
	await page.getByLabel('片道の上限（分）').fill('２０'); // 全角 digits are accepted
	await page.getByRole('checkbox', { name: '静かな環境' }).check();
	await page.getByLabel('初回は同伴が必要').check();
	await page.getByRole('checkbox', { name: '本', exact: true }).check();
	await page.getByLabel('メモ（受け入れ先には見せません）').fill('電話は苦手。メールで連絡。');
	await page.getByLabel(/本人が同意した/).check();
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.getByTestId('participant-code')).toHaveText(CODE);
	await expect(page.getByRole('status')).toHaveText('登録しました。');

	// ranked openings with reasons; the written-for-this opening is among them
	const match = page.getByTestId('match').filter({ hasText: DEMO_EXAMPLE_OPENING_TITLE });
	await expect(match).toHaveCount(1);
	const reasons = (await match.getByTestId('match-reasons').textContent())!;
	expect(reasons).toMatch(/^木曜午前に合う・徒歩\d+分・/);
	expect(reasons).toContain('静かな環境');
	expect(reasons).toContain('同伴可');
	expect(reasons).toContain('本が好き');
	expect(Number(reasons.match(/徒歩(\d+)分/)![1])).toBeLessThanOrEqual(20);
	// every listed match keeps the hard constraints: Thursday morning only
	for (const r of await page.getByTestId('match-reasons').allTextContents()) expect(r).toMatch(/^木曜午前に合う/);
	await expectNoAxeViolations(page);

	await match.getByRole('button', { name: 'この枠を提案する' }).click();
	await expect(page.getByTestId('placement-status')).toHaveText('提案中（未依頼）');
	const placement = new URL(page.url()).pathname;
	await expect(page.getByText('受け入れ先に伝わる内容: 30代・静かな環境・初回は同伴が必要')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: '依頼する' }).click();
	const link = (await page.getByTestId('host-link').getAttribute('href'))!;
	expect(link).toMatch(/\/host-reply\/[\w-]+\.[\w-]+\.[\w-]+$/);
	await expect(page.getByTestId('placement-status')).toHaveText('返事待ち');

	await answerAsHost(browser, link);

	await page.reload();
	await expect(page.getByTestId('placement-status')).toHaveText('見学OK');
	await expect(page.getByTestId('host-answer')).toContainText('見学OK');
	await page.getByRole('radio', { name: '見学・体験した' }).check();
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.getByTestId('placement-status')).toHaveText('見学・体験済み');
	await page.getByRole('radio', { name: '参加を始めた' }).check();
	// a start before the trial visit is refused next to the date, and the choice is kept
	const today = await page.getByLabel('日付').inputValue();
	const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('日付').fill(dayBefore);
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.locator('#field-on-error')).toHaveText(/^令和\d+年\d+月\d+日より前の日付にはできません$/);
	await expect(page.getByRole('radio', { name: '参加を始めた' })).toBeChecked();
	await page.getByLabel('日付').fill(today);
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.getByTestId('placement-status')).toHaveText('参加中');
	await expect(page.getByTestId('follow-up')).toHaveCount(3);
	await expect(page.getByTestId('follow-up').first()).toContainText('1週間後');
	await expectNoAxeViolations(page);

	// the coordinator's list shows the 1-week follow-up
	await page.goto('/participation');
	await expect(page.getByTestId('follow-ups-due').getByRole('row').filter({ hasText: CODE })).toContainText('1週間後');
	await expectNoAxeViolations(page);

	// つないだ割合 counts the new participant and the placement
	expect(await connectedTotal(page)).toEqual([connectedBefore + 1, participantsBefore + 1]);
	await expectNoAxeViolations(page);
	const csv = await page.request.get('/participation/numbers.csv');
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toMatch(/^\uFEFF地域,月,/);

	// every page of the back office fits a 360 px screen and passes axe there too
	await page.goto('/participation');
	const participant = (await page.getByTestId('participants').getByRole('link', { name: CODE }).getAttribute('href'))!;
	// the same pages in English
	await page.goto(`/en${placement}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('placement-status')).toHaveText('Taking part');
	await expect(page.getByRole('heading', { name: 'Follow-ups' })).toBeVisible();
	await expectNoAxeViolations(page);

	// the participant's own coordinator sees who read and changed the records, the host's link included
	await page.goto(participant);
	await expect(page.getByTestId('trail')).toContainText('受け入れ先（返信リンク）');
	await expect(page.getByTestId('trail')).toContainText('本人の記録を登録した');
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of [
		'/participation',
		'/participation/participants/new',
		participant,
		`${participant}/edit`,
		placement,
		'/participation/batch',
		'/participation/numbers'
	]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
		await expectFits(page, path);
	}
});

test('a participant form with bad input keeps what was typed and says what is wrong, in Japanese', async ({ page }) => {
	await coordinator(page);
	await page.goto('/participation/participants/new');
	await page.getByLabel('番号（仮名）').fill('<script>');
	await page.getByLabel('片道の上限（分）').fill('999');
	await page.getByLabel('メモ（受け入れ先には見せません）').fill("'; drop table casework.participants; --");
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.locator('#field-code-error')).toHaveText('番号は半角英数字と「-」で20文字までです（例: H-0123）');
	await expect(page.locator('#field-max_minutes-error')).toContainText('5');
	await expect(page.locator('#field-age_band-error')).toHaveText('年代を選んでください');
	await expect(page.locator('#field-availability-error')).toHaveText('来られる曜日と時間帯を1つ以上選んでください');
	await expect(page.getByLabel('メモ（受け入れ先には見せません）')).toHaveValue("'; drop table casework.participants; --");
	await expectNoAxeViolations(page);
	// a code already taken is refused next to the field
	await page.getByLabel('番号（仮名）').fill('H-0001');
	await page.getByLabel('片道の上限（分）').fill('30');
	await page.getByRole('radio', { name: '40代' }).check();
	await page.getByRole('checkbox', { name: '月 午後' }).check();
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page.locator('#field-code-error')).toHaveText('この番号はすでに使われています');
	await expect(page.getByRole('checkbox', { name: '月 午後' })).toBeChecked();
});

test('a volunteer, a signed-out visitor and a host link read no participant data', async ({ page, browser }) => {
	// signed out: sent to sign in, and so is the CSV download (it resumes after sign-in), with no data
	await page.goto('/participation');
	await expect(page).toHaveURL(/\/auth\/sign-in\?next=%2Fparticipation/);
	const download = await page.request.get('/participation/numbers.csv', { maxRedirects: 0 });
	expect(download.status()).toBe(303);
	expect(download.headers()['location']).toMatch(/\/auth\/sign-in\?next=%2Fparticipation%2Fnumbers\.csv$/);
	expect(await download.text()).toBe('');
	// a volunteer (a host's member) is refused every page, even with a participant's address
	await signIn(page, email('volunteer'));
	await expect(page).toHaveURL(/\/account$/);
	for (const path of ['/participation', '/participation/numbers', '/participation/batch']) {
		const response = await page.goto(path);
		expect(response!.status(), path).toBe(403);
		await expect(page.locator('body')).not.toContainText('H-0001');
	}
	expect((await page.request.get('/participation/numbers.csv')).status()).toBe(403);
	// posting straight to a form action (no page, no layout) is refused as well
	const post = await page.request.post('/participation/participants/new', {
		// the page's own origin, so that SvelteKit's CSRF check passes and the guard is what refuses
		headers: { origin: new URL(page.url()).origin },
		form: { code: 'VOL-1', age_band: '30s', availability: '4-am', modes: 'walk', max_minutes: '20' }
	});
	expect(post.status()).toBe(403);
	// a made-up or tampered reply link shows nothing
	const context = await browser.newContext();
	const host = await context.newPage();
	await host.goto('/host-reply/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid');
	await expect(host.getByRole('alert')).toHaveText('このリンクは使えません。');
	await context.close();
});
