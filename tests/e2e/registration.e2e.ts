/**
 * Issue 4 end to end: sign-up with e-mail confirmation (the link read from the outbox),
 * an organisation, a 子ども食堂 listing with a Japanese schedule, moderation, the public list,
 * a change request with its diff, the one-tap freshness link, invitations, and bad input
 * with and without JavaScript. axe runs on every page this feature adds.
 */
import type { Browser, Page } from '@playwright/test';
import { nextOccurrences } from '../../src/lib/domain/shared/schedule';
import { todayJst } from '../../src/lib/domain/shared/schedule/jst';
import { formatSpan } from '../../src/lib/i18n/format';
import { DEMO_ORGS } from '../../scripts/seed/demo-town';
import { DEMO, beforeHydration, expect, expectFits, expectNoAxeViolations, signIn as submitSignIn, test } from './fixtures';

const email = (role: string) => DEMO.users.find((u) => u.role === role)!.email;
const PASSWORD = 'tsunagari-test-2026';
const EXTERNAL = /^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/;

/** A second person at another browser (its own cookies), with the network closed like `page`. */
async function person(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...opts });
	await context.route(EXTERNAL, (route) => route.abort());
	return context.newPage();
}

/** Signs in and waits until the session is there (the account page, or wherever ?next= said). */
async function signIn(page: Page, who: string, password?: string): Promise<void> {
	await submitSignIn(page, who, password);
	await expect(page).not.toHaveURL(/\/auth\/sign-in/);
}

async function signedIn(browser: Browser, who: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const page = await person(browser, opts);
	await signIn(page, who);
	await expect(page).toHaveURL(/\/account$/);
	return page;
}

/** Opens the first listing of an organisation (as its member) and returns the listing's path. */
async function firstListing(page: Page, orgId: string, filter?: string): Promise<{ path: string; name: string }> {
	await page.goto(`/account/organizations/${orgId}`);
	let items = page.getByTestId('org-listing');
	if (filter) items = items.filter({ hasText: filter });
	const link = items.first().getByRole('link').first();
	const name = (await link.textContent())!.trim();
	await link.click();
	await page.waitForURL(/\/account\/places\/[0-9a-f-]{36}$/);
	return { path: new URL(page.url()).pathname, name };
}

/** The newest mail to `to` (or with `subject` in it) in the outbox, read by the tenant admin. */
async function mailBody(admin: Page, match: { to?: string; subject?: string }): Promise<string> {
	await admin.goto('/moderation/outbox');
	let mail = admin.getByTestId('outbox-mail');
	if (match.to) mail = mail.filter({ has: admin.getByTestId('outbox-to').getByText(match.to, { exact: true }) });
	if (match.subject) mail = mail.filter({ has: admin.getByTestId('outbox-subject').getByText(match.subject) });
	await expect(mail.first()).toBeVisible();
	return (await mail.first().getByTestId('outbox-body').textContent()) ?? '';
}

const linkIn = (body: string, path: RegExp) => {
	const found = new RegExp(`https?://[^\\s]+${path.source}[^\\s]*`).exec(body);
	expect(found, body).not.toBeNull();
	return new URL(found![0]).pathname + new URL(found![0]).search;
};

test('a volunteer signs up, confirms, starts an organisation and lists a 子ども食堂; once approved it is public with the right dates', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const me = `hanako-${Date.now()}@test.example`;
	const placeName = `ひだまりテストこども食堂${Date.now() % 100000}`;

	// sign up
	await page.goto('/auth/sign-up');
	await expectNoAxeViolations(page);
	await page.getByLabel('表示名').fill('試験 花子');
	await page.getByLabel('メールアドレス').fill(me);
	await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
	await page.getByLabel('パスワード（確認のためもう一度）').fill(PASSWORD);
	await page.getByRole('button', { name: '登録して確認メールを受け取る' }).click();
	await expect(page.getByTestId('sign-up-sent')).toContainText(me);
	// not usable before confirming
	await submitSignIn(page, me, PASSWORD);
	await expect(page.getByRole('alert')).toHaveText('メールアドレスの確認が済んでいません。届いたメールのリンクを開いてください。');

	// the confirmation mail waits in the outbox (no SMTP here); the tenant admin can read it
	const admin = await signedIn(browser, email('admin'));
	const confirmation = linkIn(await mailBody(admin, { to: me }), /\/auth\/confirm\?token=/);
	await expectNoAxeViolations(admin);

	await page.goto(confirmation);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'メールアドレスを確認する' }).click();
	await expect(page.getByTestId('email-confirmed')).toBeVisible();
	await signIn(page, me, PASSWORD);
	await expect(page).toHaveURL(/\/account$/);

	// an organisation; the creator is its admin
	await page.getByRole('link', { name: '団体を登録する' }).click();
	await page.waitForURL(/\/account\/organizations\/new$/);
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page);
	await page.getByLabel('団体名').fill('テストこども食堂の会');
	await page.getByLabel('団体の種類').selectOption('npo');
	await page.getByLabel('団体のメールアドレス').fill(me);
	await page.getByRole('button', { name: '団体を登録する' }).click();
	await expect(page.getByRole('status')).toContainText('団体を登録しました');
	await expect(page.getByText('管理者').first()).toBeVisible();
	await expectNoAxeViolations(page);

	// the listing: place, location (a tap on the map), and 毎月第2・第4土曜 11:00〜14:00（祝日は休み）
	await page.getByRole('link', { name: '場所・活動を新しく掲載する' }).click();
	await expect(page.getByTestId('location-picker')).toHaveAttribute('data-ready', 'true');
	await expectNoAxeViolations(page);
	await page.getByLabel('名称', { exact: true }).fill(placeName);
	await page.getByLabel('種類', { exact: true }).selectOption('kodomo_shokudo');
	await page.getByLabel('ひとことで紹介').fill('子どもも大人も、みんなでごはん');
	await page.getByRole('checkbox', { name: '子ども', exact: true }).check();
	await page.getByRole('checkbox', { name: '一人で来てOK' }).check();
	await page.getByLabel('会場の種類').selectOption('community_center');
	await page.getByLabel('住所', { exact: true }).fill('静岡県ひだまり市本町1丁目2-3');
	await page.getByTestId('location-picker').click();
	await expect(page.getByTestId('picked-location')).toContainText('選んだ位置: 北緯34.');
	await page.getByRole('radio', { name: '無料', exact: true }).check();
	await page.getByLabel('問い合わせ電話番号').fill('０５４－１２３－４５６７');
	await page.getByLabel('活動名').fill('こども食堂');
	await page.getByRole('radio', { name: '毎月 第○曜日（例: 第2・第4土曜）' }).check();
	await page.getByRole('checkbox', { name: '第2', exact: true }).check();
	await page.getByRole('checkbox', { name: '第4', exact: true }).check();
	await page.getByRole('radio', { name: '土', exact: true }).check();
	await page.getByLabel('開始時刻').fill('１１：００');
	await page.getByLabel('終了時刻').fill('14:00');
	await expect(page.getByRole('radio', { name: '祝日は休み' })).toBeChecked();
	const sentence = '毎月第2・第4土曜 11:00〜14:00（祝日は休み）';
	await expect(page.getByTestId('schedule-sentence-preview')).toHaveText(sentence);
	const schedule = {
		rrule: 'FREQ=MONTHLY;BYDAY=2SA,4SA',
		dtstart: todayJst(new Date()),
		startTime: '11:00',
		endTime: '14:00',
		exdates: [],
		holidayPolicy: 'skip' as const,
		closures: []
	};
	const expected = nextOccurrences(schedule, new Date(), 3).map((o) => formatSpan(o.start, o.end, 'ja'));
	await expect(page.getByTestId('schedule-next-preview').locator('li').first()).toHaveText(expected[0]);
	await page.getByRole('button', { name: '保存して審査に出す' }).click();
	await expect(page.getByTestId('flash')).toContainText('審査に出しました');
	await expect(page.getByTestId('status')).toHaveText('審査待ち');
	const listingUrl = page.url();
	await expectNoAxeViolations(page);
	// not public yet
	const anon = await person(browser);
	await anon.goto(`/?q=${encodeURIComponent(placeName)}`);
	await expect(anon.getByTestId('place-card')).toHaveCount(0);

	// the moderator approves it
	const moderator = await signedIn(browser, email('moderator'));
	await moderator.goto('/moderation');
	await expectNoAxeViolations(moderator);
	await moderator.getByTestId('queue-item').filter({ hasText: placeName }).getByRole('link', { name: placeName }).click();
	await expect(moderator.getByTestId('review-sentence')).toHaveText(sentence);
	await expectNoAxeViolations(moderator);
	await moderator.getByRole('radio', { name: '承認して公開する' }).check();
	await moderator.getByRole('button', { name: 'この内容で決定する' }).click();
	await expect(moderator.getByRole('status')).toHaveText('承認しました。');

	// public: in the list, on the map data, and on its page with the right next dates
	await anon.goto(`/?q=${encodeURIComponent(placeName)}`);
	const card = anon.getByTestId('place-card').filter({ hasText: placeName });
	await expect(card).toHaveCount(1);
	const features = (await (await anon.request.get(`/api/places.geojson?q=${encodeURIComponent(placeName)}`)).json()) as {
		features: { properties: { name: string } }[];
	};
	expect(features.features.map((f) => f.properties.name)).toEqual([placeName]);
	await card.getByRole('link').first().click();
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText(placeName);
	await expect(anon.getByTestId('schedule-sentence')).toHaveText(`こども食堂: ${sentence}`);
	await expect(anon.getByTestId('next-dates').locator('li')).toHaveText(expected);
	await expect(anon.getByText('054-123-4567')).toBeVisible();
	await expect(anon.getByTestId('freshness')).toHaveText('確認済み');

	// the organisation sees it published, and its history
	await page.goto(listingUrl);
	await expect(page.getByTestId('status')).toHaveText('公開中');
	await page.getByRole('link', { name: '変更履歴' }).click();
	await expect(page.getByTestId('history-entry').first()).toBeVisible();
	await expect(page.getByText('審査で承認').first()).toBeVisible();
	await expectNoAxeViolations(page);
	for (const p of [admin, moderator, anon]) await p.context().close();
});

test('a change to a published listing shows a diff and goes public only after approval', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('volunteer'));
	const { name, path } = await firstListing(page, DEMO_ORGS.kodomo.id, '公開中');
	await expectNoAxeViolations(page);
	const placeId = path.split('/').pop()!;
	await page.getByRole('link', { name: '変更を申請する' }).click();
	await expect(page.getByText('この掲載は公開中です。')).toBeVisible();
	await expectNoAxeViolations(page);
	const added = '【お知らせ】毎月の献立をウェブサイトで公開しています。';
	const description = page.getByLabel('くわしい内容');
	await description.fill(`${await description.inputValue()}\n${added}`);
	await page.getByLabel('変更の理由・補足（任意）').fill('献立の案内を追加しました');
	await page.getByRole('button', { name: '変更を申請する' }).click();
	await expect(page.getByTestId('flash')).toContainText('変更を申請しました');
	await expect(page.getByTestId('listing-request').first()).toContainText('審査待ち');
	await expect(page.getByTestId('listing-request').first().getByTestId('diff')).toContainText(added);

	const anon = await person(browser);
	await anon.goto(`/places/${placeId}`);
	await expect(anon.getByText(added)).toHaveCount(0);

	const moderator = await signedIn(browser, email('moderator'));
	await moderator.goto('/moderation');
	await moderator
		.getByTestId('queue-item')
		.filter({ hasText: name })
		.filter({ hasText: '掲載内容の変更' })
		.getByRole('link', { name })
		.click();
	const row = moderator.getByTestId('diff').locator('tr[data-field="description"]');
	await expect(row).toContainText('変更');
	await expect(row.locator('ins')).toContainText(added);
	await expect(row.locator('del')).not.toContainText(added);
	await expect(moderator.getByTestId('diff').locator('tr[data-field="name"]')).toHaveCount(0);
	await expectNoAxeViolations(moderator);
	await moderator.getByRole('radio', { name: '承認して公開する' }).check();
	await moderator.getByRole('button', { name: 'この内容で決定する' }).click();
	await expect(moderator.getByRole('status')).toHaveText('承認しました。');

	await anon.goto(`/places/${placeId}`);
	await expect(anon.getByText(added)).toBeVisible();
	for (const p of [moderator, anon]) await p.context().close();
});

/** A small listing (窓口のみ, 不定期) of the volunteer's organisation, through the form. */
async function newListing(page: Page, name: string, button: '保存して審査に出す' | '下書きとして保存') {
	await page.goto(`/account/organizations/${DEMO_ORGS.kodomo.id}/places/new`);
	await expect(page.getByTestId('location-picker')).toHaveAttribute('data-ready', 'true');
	await page.getByLabel('名称', { exact: true }).fill(name);
	await page.getByLabel('種類', { exact: true }).selectOption('ibasho');
	await page.getByLabel('会場の種類').selectOption('private_home');
	await page.getByRole('radio', { name: /場所は公開しない/ }).check();
	await page.getByRole('radio', { name: '回によって違う・問い合わせ' }).check();
	await page.getByLabel('問い合わせメールアドレス').fill('ibasho@test.example');
	await page.getByLabel('活動名').fill('おしゃべり会');
	await page.getByRole('radio', { name: '不定期' }).check();
	await page.getByLabel('開催日の目安').fill('月1回程度。日程はお問い合わせください。');
	await page.getByRole('button', { name: button }).click();
	await page.waitForURL(/\/account\/places\/[0-9a-f-]{36}\?/);
}

test('a second editor gets a conflict showing both versions, not a silent overwrite', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, email('volunteer'));
	await newListing(page, `同時編集テスト${Date.now() % 100000}`, '下書きとして保存');
	await expect(page.getByTestId('flash')).toHaveText('保存しました。');
	const edit = `${new URL(page.url()).pathname}/edit`;
	const other = await page.context().newPage();
	for (const p of [page, other]) {
		await p.goto(edit);
		await expect(p.getByTestId('location-picker')).toHaveAttribute('data-ready', 'true');
	}
	await page.getByLabel('ひとことで紹介').fill('一人目の紹介');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByTestId('flash')).toHaveText('保存しました。');

	await other.getByLabel('ひとことで紹介').fill('二人目の紹介');
	await other.getByRole('button', { name: '保存する' }).click();
	const conflict = other.getByTestId('conflict');
	await expect(conflict).toContainText('ほかの人が先に保存しました');
	const row = conflict.locator('tr[data-field="summary"]');
	await expect(row.locator('del')).toHaveText('一人目の紹介');
	await expect(row.locator('ins')).toHaveText('二人目の紹介');
	await expect(other.getByLabel('ひとことで紹介')).toHaveValue('二人目の紹介');
	await expectNoAxeViolations(other);
	// saving again, knowingly, replaces it
	await other.getByRole('button', { name: '保存する' }).click();
	await expect(other.getByTestId('flash')).toHaveText('保存しました。');
	await other.goto(edit);
	await expect(other.getByLabel('ひとことで紹介')).toHaveValue('二人目の紹介');
});

test('a send-back shows its reason to the organisation', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('volunteer'));
	const name = `差し戻しテスト${Date.now() % 100000}`;
	await newListing(page, name, '保存して審査に出す');
	await expect(page.getByTestId('flash')).toContainText('審査に出しました');
	const listingUrl = page.url();

	const moderator = await signedIn(browser, email('moderator'));
	await moderator.goto('/moderation');
	await moderator.getByTestId('queue-item').filter({ hasText: name }).getByRole('link', { name }).click();
	await moderator.getByRole('radio', { name: /差し戻す/ }).check();
	await moderator.getByRole('button', { name: 'この内容で決定する' }).click();
	await expect(moderator.locator('#field-reason-error')).toHaveText('差し戻す理由を書いてください（団体の方に表示されます）');
	await moderator.getByLabel('差し戻す理由').fill('開催している地区名を「くわしい内容」に書いてください。');
	await moderator.getByRole('button', { name: 'この内容で決定する' }).click();
	await expect(moderator.getByRole('status')).toContainText('差し戻しました');

	await page.goto(listingUrl);
	await expect(page.getByTestId('status')).toHaveText('下書き');
	await expect(page.getByTestId('returned-reason')).toContainText('開催している地区名を「くわしい内容」に書いてください。');
	await moderator.context().close();
});

test('a stale listing is confirmed through the one-tap link, once, without a login', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('moderator'));
	await page.goto('/moderation/freshness');
	await expectNoAxeViolations(page);
	const overdue = page.getByTestId('fresh-overdue').first();
	const link = overdue.getByRole('link').first();
	const name = (await link.textContent())!.trim();
	const placePath = (await link.getAttribute('href'))!;
	await overdue.getByRole('button', { name: '確認依頼メールを送る' }).click();
	await expect(page.getByTestId('reminded')).toContainText('確認依頼のメールを');

	const admin = await signedIn(browser, email('admin'));
	const onetap = linkIn(await mailBody(admin, { subject: name }), /\/confirm\//);

	const anon = await person(browser);
	await anon.goto(placePath);
	await expect(anon.getByTestId('freshness')).toHaveText('情報が古い可能性があります。お出かけ前にお問い合わせください。');
	await anon.goto(onetap);
	await expect(anon.getByText(name)).toBeVisible();
	await expectNoAxeViolations(anon);
	await anon.getByRole('button', { name: '変わりありません' }).click();
	await expect(anon.getByTestId('onetap-done')).toBeVisible();
	await anon.goto(onetap);
	await expect(anon.getByRole('alert')).toContainText('すでに使われました');
	await anon.goto(placePath);
	await expect(anon.getByTestId('freshness')).toHaveText('確認済み');

	// the dashboard lists it as recently confirmed through the mail link
	await page.goto('/moderation/freshness');
	await expect(page.getByTestId('fresh-recent').filter({ hasText: name }).first()).toContainText('メールのリンクで確認');
	for (const p of [admin, anon]) await p.context().close();
});

test('staff confirm on an organisation’s behalf after a phone call, recorded as such', async ({ page }) => {
	await signIn(page, email('moderator'));
	await page.goto('/moderation/freshness');
	const item = page.getByTestId('fresh-overdue').first();
	const name = (await item.getByRole('link').first().textContent())!.trim();
	await item.getByText('電話で確認した').click();
	await item.getByLabel('確認した内容・相手（任意）').fill('代表の方に電話で確認、変更なし');
	await item.getByRole('button', { name: '確認済みとして記録する' }).click();
	await expect(page.getByRole('status')).toHaveText('電話での確認を記録しました。');
	await page.goto('/moderation/freshness');
	await expect(page.getByTestId('fresh-recent').filter({ hasText: name }).first()).toContainText('職員が電話で確認');
});

// issue 10 item 4: a choice made while the page still loads survives hydration, and the form submits
test('an organisation form filled in before the page has hydrated keeps the name and the chosen kind', async ({ page }) => {
	await signIn(page, email('volunteer'));
	const name = `読み込み中の会${Date.now() % 100000}`;
	await beforeHydration(page, '/account/organizations/new', async () => {
		await page.getByLabel('団体名').pressSequentially(name);
		await page.getByLabel('団体の種類').selectOption('volunteer_group');
	});
	await expect(page.getByLabel('団体名')).toHaveValue(name);
	await expect(page.getByLabel('団体の種類')).toHaveValue('volunteer_group');
	await page.getByRole('button', { name: '団体を登録する' }).click();
	await expect(page.getByRole('status')).toContainText('団体を登録しました');
});

test('an organisation’s admin invites a member through a signed link', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('volunteer'));
	await page.goto('/account/organizations/new');
	// a choice made before the page has hydrated would be reset by it
	await page.waitForLoadState('networkidle');
	await page.getByLabel('団体名').fill(`招待テストの会${Date.now() % 100000}`);
	await page.getByLabel('団体の種類').selectOption('volunteer_group');
	await page.getByRole('button', { name: '団体を登録する' }).click();
	await expect(page.getByRole('status')).toContainText('団体を登録しました');
	await page.getByRole('button', { name: '招待リンクを作る' }).click();
	const link = await page.getByTestId('invite-link').inputValue();
	await expectNoAxeViolations(page);

	const invitee = await person(browser);
	await invitee.goto(new URL(link).pathname);
	await expect(invitee.getByText('参加するには、ログインするか、新しくアカウントを作ってください。')).toBeVisible();
	await expectNoAxeViolations(invitee);
	await signIn(invitee, email('agency_staff'));
	await invitee.goto(new URL(link).pathname);
	await invitee.getByRole('button', { name: '参加する' }).click();
	await expect(invitee.getByTestId('joined')).toBeVisible();
	await invitee.goto('/account');
	await expect(invitee.getByTestId('membership').filter({ hasText: '招待テストの会' })).toContainText('ボランティア');
	// the link works once (anyone else signed in; not the coordinator, whose sign-in asks for a
	// TOTP code once participation.e2e.ts has enrolled one)
	const other = await signedIn(browser, email('moderator'));
	await other.goto(new URL(link).pathname);
	await other.getByRole('button', { name: '参加する' }).click();
	await expect(other.getByRole('alert')).toHaveText('この招待リンクはすでに使われています。');
	for (const p of [invitee, other]) await p.context().close();
});

test('a volunteer of one organisation cannot open another organisation’s listing for editing', async ({ page, browser }) => {
	const moderator = await signedIn(browser, email('moderator'));
	await moderator.goto(`/account/organizations/${DEMO_ORGS.honmachi.id}`);
	const href = (await moderator.getByTestId('org-listing').first().getByRole('link').first().getAttribute('href'))!;
	await moderator.context().close();
	await signIn(page, email('volunteer'));
	for (const path of ['/edit', '/activities/new', '/openings/new', '/photos']) {
		const res = await page.goto(`${href}${path}`);
		expect(res?.status(), path).toBe(403);
	}
});

test.describe('bad input gets Japanese messages next to the fields, without JavaScript', () => {
	test('the listing form: empty, HTML, 全角 times and phones, a point outside Japan', async ({ browser }) => {
		const page = await signedIn(browser, email('volunteer'), { javaScriptEnabled: false });
		await page.goto(`/account/organizations/${DEMO_ORGS.kodomo.id}/places/new`);
		await page.getByRole('button', { name: '保存して審査に出す' }).click();
		await expect(page.locator('#field-name-error')).toHaveText('名称を入力してください');
		await expect(page.locator('#field-category-error')).toHaveText('種類を選んでください');
		await expect(page.locator('#field-activity_title-error')).toHaveText('活動名を入力してください');
		await expect(page.locator('#field-pattern-error')).toHaveText('開催のパターンを選んでください');
		await expect(page.locator('#field-contact_phone-error')).toHaveText(
			'問い合わせ先の電話番号かメールアドレスのどちらかを入力してください'
		);

		await page.getByLabel('名称', { exact: true }).fill('<script>alert(1)</script>');
		await page.getByLabel('問い合わせ電話番号').fill('０５４１２３４５６７');
		await page.getByLabel('開始時刻').fill('２５：００');
		await page.getByLabel('終了時刻').fill('１４：００');
		await page.getByLabel('住所', { exact: true }).fill('ソウル特別市中区');
		await page.getByLabel('緯度（北緯）').fill('37.5665');
		await page.getByLabel('経度（東経）').fill('126.9780');
		await page.getByLabel('くわしい内容').fill('あ'.repeat(4001));
		await page.getByRole('button', { name: '保存して審査に出す' }).click();
		await expect(page.locator('#field-name-error')).toHaveText('HTMLのタグ（< > で囲んだ記号）は使えません');
		await expect(page.locator('#field-contact_phone-error')).toHaveText(
			'電話番号は 054-123-4567 のようにハイフンで区切って入力してください'
		);
		await expect(page.locator('#field-start_time-error')).toHaveText('時刻は 10:00 のように入力してください');
		await expect(page.locator('#field-end_time-error')).toHaveCount(0);
		await expect(page.locator('#field-location-error')).toHaveText('日本国内の場所を指定してください');
		await expect(page.locator('#field-description-error')).toHaveText('4000文字以内で入力してください');
		// what was typed is kept
		await expect(page.getByLabel('名称', { exact: true })).toHaveValue('<script>alert(1)</script>');
		await expect(page.getByLabel('住所', { exact: true })).toHaveValue('ソウル特別市中区');
		await expect(page.getByLabel('終了時刻')).toHaveValue('１４：００');
		await page.context().close();
	});

	test('the activity and opening forms', async ({ browser }) => {
		const page = await signedIn(browser, email('volunteer'), { javaScriptEnabled: false });
		const { path } = await firstListing(page, DEMO_ORGS.kodomo.id, '公開中');
		await page.goto(`${path}/activities/new`);
		await page.getByLabel('活動名').fill('<script>alert("x")</script>');
		await page.getByRole('radio', { name: '毎週', exact: true }).check();
		await page.getByLabel('開始時刻').fill('１０：００');
		await page.getByLabel('終了時刻').fill('９：００');
		await page.getByLabel('お休み1 開始').fill('2026-08-20');
		await page.getByLabel('お休み1 終了').fill('2026-08-13');
		await page.getByRole('button', { name: '変更を申請する' }).click();
		await expect(page.locator('#field-title-error')).toHaveText('HTMLのタグ（< > で囲んだ記号）は使えません');
		await expect(page.locator('#field-weekdays-error')).toHaveText('曜日を1つ以上選んでください');
		await expect(page.locator('#field-end_time-error')).toHaveText('終了時刻は開始時刻より後にしてください');
		await expect(page.locator('#field-closure_to_1-error')).toHaveText('終了日は開始日より後にしてください');
		await expect(page.getByLabel('開始時刻')).toHaveValue('１０：００');

		await page.goto(`${path}/openings/new`);
		await page.getByRole('button', { name: '保存する' }).click();
		await expect(page.locator('#field-title-error')).toHaveText('受け入れ枠の名前を入力してください');
		await expect(page.locator('#field-capacity-error')).toHaveText('受け入れ人数を入力してください');
		await page.getByLabel('受け入れ人数').fill('５０００人');
		await page.getByLabel('年齢の下限（任意）').fill('２０');
		await page.getByLabel('年齢の上限（任意）').fill('10');
		await page.getByRole('button', { name: '保存する' }).click();
		await expect(page.locator('#field-capacity-error')).toHaveText('1から1000までの数で入力してください');
		await expect(page.locator('#field-age_max-error')).toHaveText('年齢の上限は下限以上にしてください');
		await page.context().close();
	});

	test('sign-up, organisation and 情報提供 forms', async ({ browser }) => {
		const page = await person(browser, { javaScriptEnabled: false });
		await page.goto('/auth/sign-up');
		await page.getByLabel('メールアドレス').fill('not-an-address');
		await page.getByLabel('パスワード', { exact: true }).fill('short');
		await page.getByRole('button', { name: '登録して確認メールを受け取る' }).click();
		await expect(page.locator('#field-display_name-error')).toHaveText('表示名を入力してください');
		await expect(page.locator('#field-email-error')).toHaveText('メールアドレスの形式が正しくありません（例: hanako@example.jp）');
		await expect(page.locator('#field-password-error')).toHaveText('パスワードは10文字以上にしてください');
		await expect(page.getByLabel('メールアドレス')).toHaveValue('not-an-address');
		await page.getByLabel('表示名').fill('<b>太字</b>');
		await page.getByLabel('パスワード', { exact: true }).fill('long-enough-password');
		await page.getByLabel('パスワード（確認のためもう一度）').fill('another-password-1');
		await page.getByRole('button', { name: '登録して確認メールを受け取る' }).click();
		await expect(page.locator('#field-display_name-error')).toHaveText('HTMLのタグ（< > で囲んだ記号）は使えません');
		await expect(page.locator('#field-password_confirm-error')).toHaveText('確認用のパスワードが一致しません');

		await page.goto('/suggest');
		await page.getByRole('button', { name: '送信する' }).click();
		await expect(page.locator('#field-kind-error')).toHaveText('お知らせの内容を選んでください');
		await expect(page.locator('#field-body-error')).toHaveText('内容を書いてください');
		await page.getByRole('radio', { name: '載っていない場所・活動がある' }).check();
		await page.getByLabel('くわしく教えてください').fill('駅前の商店街で、毎週水曜にカフェをしています。');
		await page.getByRole('button', { name: '送信する' }).click();
		await expect(page.locator('#field-place_name-error')).toHaveText('場所の名前を書いてください');
		await expect(page.getByLabel('くわしく教えてください')).toHaveValue('駅前の商店街で、毎週水曜にカフェをしています。');
		await page.context().close();

		const member = await signedIn(browser, email('volunteer'), { javaScriptEnabled: false });
		await member.goto('/account/organizations/new');
		await member.getByLabel('団体の紹介').fill('あ'.repeat(2001));
		await member.getByLabel('団体の電話番号').fill('０５４ー１２３');
		await member.getByLabel('ウェブサイト').fill('javascript:alert(1)');
		await member.getByRole('button', { name: '団体を登録する' }).click();
		await expect(member.locator('#field-name-error')).toHaveText('団体名を入力してください');
		await expect(member.locator('#field-description-error')).toHaveText('2000文字以内で入力してください');
		await expect(member.locator('#field-kind-error')).toHaveText('団体の種類を選んでください');
		await expect(member.locator('#field-phone-error')).toHaveText('電話番号は 054-123-4567 のようにハイフンで区切って入力してください');
		await expect(member.locator('#field-website-error')).toHaveText('https:// で始まるアドレスを入力してください');
		await member.context().close();
	});

	test('photos: a file that only pretends to be a JPEG is refused; EXIF never reaches the page', async ({ browser }) => {
		const page = await signedIn(browser, email('volunteer'), { javaScriptEnabled: false });
		const { path } = await firstListing(page, DEMO_ORGS.kodomo.id);
		await page.goto(`${path}/photos`);
		await page
			.getByLabel('写真のファイル')
			.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a photo at all') });
		await page.getByLabel('写真の説明').fill('公民館の様子');
		await page.getByRole('button', { name: 'アップロードする' }).click();
		await expect(page.locator('#field-faces_ok-error')).toHaveText('子どもの顔についての確認にチェックしてください');
		await page
			.getByLabel('写真のファイル')
			.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a photo at all') });
		await page.getByRole('checkbox', { name: /子どもの顔は写っていないか/ }).check();
		await page.getByRole('button', { name: 'アップロードする' }).click();
		await expect(page.locator('#field-caption-error')).toHaveText(
			'写真として読めないファイルです。JPEG・PNG・WebPの写真を選んでください。'
		);
		await page.context().close();
	});
});

test('photos over the size limit are stopped in the browser, before the upload', async ({ page }) => {
	await signIn(page, email('volunteer'));
	const { path } = await firstListing(page, DEMO_ORGS.kodomo.id);
	await page.goto(`${path}/photos`);
	await expectNoAxeViolations(page);
	const big = Buffer.alloc(9 * 1024 * 1024, 0);
	big.set([0xff, 0xd8, 0xff, 0xe0]);
	await page.getByLabel('写真のファイル').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: big });
	await page.getByLabel('写真の説明').fill('大きな写真');
	await page.getByRole('checkbox', { name: /子どもの顔は写っていないか/ }).check();
	await page.getByRole('button', { name: 'アップロードする' }).click();
	await expect(page.locator('#field-photo-error')).toHaveText('写真が大きすぎます（8MBまで）。小さくしてからもう一度選んでください。');
});

test('a draft kept in the browser survives a closed tab', async ({ page }) => {
	await signIn(page, email('volunteer'));
	const url = `/account/organizations/${DEMO_ORGS.kodomo.id}/places/new`;
	await page.goto(url);
	await expect(page.getByTestId('location-picker')).toHaveAttribute('data-ready', 'true');
	await page.getByLabel('名称', { exact: true }).fill('下書きの居場所');
	await page.getByLabel('ひとことで紹介').fill('閉じても消えない');
	await page.waitForTimeout(800);
	// a new tab of the same browser: the input is offered back
	const again = await page.context().newPage();
	await again.goto(url);
	await expect(again.getByTestId('draft-offer')).toBeVisible();
	await expectNoAxeViolations(again);
	await again.getByRole('button', { name: '入力を復元する' }).click();
	await expect(again.getByLabel('名称', { exact: true })).toHaveValue('下書きの居場所');
	await expect(again.getByLabel('ひとことで紹介')).toHaveValue('閉じても消えない');
});

test('a moderator imports a CSV list: preview with problems and duplicates first, then only the chosen rows', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('moderator'));
	// an existing listing's name, to be caught as a duplicate
	const anon = await person(browser);
	await anon.goto('/');
	const existing = (await anon.getByTestId('place-card').first().getByRole('heading').first().textContent())!.trim();
	await anon.context().close();
	const fresh = `取り込みテストの居場所${Date.now() % 100000}`;
	const csv = [
		'名称,種類,住所,電話,開催日時,参加費',
		`${existing},サロン,,,,`,
		`${fresh},居場所,静岡県ひだまり市駅前2-2,０５４－１１１－２２２２,毎週水曜 13時〜16時,無料`,
		',サロン,,,,'
	].join('\r\n');
	await page.goto('/moderation/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('一覧のファイル').setInputFiles({ name: '居場所一覧.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
	await page.getByRole('button', { name: '確認画面へ進む' }).click();
	await expect(page.getByTestId('import-row')).toHaveCount(3);
	await expectNoAxeViolations(page);
	await expect(page.locator('[data-testid="import-row"][data-line="2"]').getByTestId('import-duplicate')).toContainText(existing);
	await expect(page.locator('[data-testid="import-row"][data-line="2"]').getByRole('checkbox')).not.toBeChecked();
	await expect(page.locator('[data-testid="import-row"][data-line="4"]').getByTestId('import-problem')).toHaveText('名称がありません');
	await expect(page.locator('[data-testid="import-row"][data-line="4"]').getByRole('checkbox')).toBeDisabled();
	const row = page.locator('[data-testid="import-row"][data-line="3"]');
	await expect(row).toContainText('毎週水曜 13:00〜16:00');
	await expect(row.getByRole('checkbox')).toBeChecked();
	// nothing is public yet
	const before = await page.request.get(`/api/places.geojson?q=${encodeURIComponent(fresh)}`);
	expect(((await before.json()) as { features: unknown[] }).features).toHaveLength(0);
	await page.getByRole('button', { name: '選んだ行を取り込む' }).click();
	await expect(page.getByTestId('import-done')).toHaveText('1件を取り込みました（0件は取り込みませんでした）。');
	await page.goto(`/?q=${encodeURIComponent(fresh)}`);
	await expect(page.getByTestId('place-card')).toHaveCount(1);
});

test('residents send a 情報提供 without an account; it reaches the moderators', async ({ page, browser }) => {
	await page.goto('/');
	await page.getByTestId('place-card').first().getByRole('link').first().click();
	await page.waitForURL(/\/places\/[0-9a-f-]{36}$/);
	const placeName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	await page.getByTestId('suggest-link').click();
	await expect(page.getByText(`「${placeName}」についてのお知らせ`)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: '掲載内容が違う（日時・場所など）' }).check();
	await page.getByLabel('くわしく教えてください').fill('先月から開始時刻が10時に変わっています。');
	// people take a few seconds to write; a form sent within 3 s is taken for a bot
	await page.waitForTimeout(3200);
	await page.getByRole('button', { name: '送信する' }).click();
	await expect(page.getByTestId('suggest-sent')).toBeVisible();

	const moderator = await signedIn(browser, email('moderator'));
	await moderator.goto('/moderation');
	const item = moderator.getByTestId('suggestion-item').filter({ hasText: '先月から開始時刻が10時に変わっています。' });
	await expect(item).toHaveCount(1);
	await item.getByRole('link').first().click();
	await expectNoAxeViolations(moderator);
	await moderator.getByRole('radio', { name: '対応済み' }).check();
	await moderator.getByRole('button', { name: '保存する' }).click();
	await expect(moderator).toHaveURL(/\/moderation$/);
	await expect(moderator.getByTestId('suggestion-item').filter({ hasText: '先月から開始時刻が10時に変わっています。' })).toHaveCount(0);
	await moderator.context().close();
});

test('the remaining staff and editing pages pass axe and fit a 360 px screen', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, email('volunteer'));
	await page.setViewportSize({ width: 360, height: 740 });
	const { path: base } = await firstListing(page, DEMO_ORGS.kodomo.id);
	const activity = (await page.getByTestId('listing-activity').first().getByRole('link').getAttribute('href'))!;
	for (const path of [
		`${base}`,
		`${base}/edit`,
		`${base}/history`,
		`${base}/photos`,
		`${base}/activities/new`,
		activity,
		`${base}/openings/new`,
		`/account/organizations/new`,
		'/suggest'
	]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
		await expectFits(page, path);
	}
	const moderator = await signedIn(browser, email('moderator'));
	await moderator.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/moderation', '/moderation/freshness', '/moderation/organizations', '/moderation/import', '/auth/sign-up']) {
		await moderator.goto(path);
		await expectNoAxeViolations(moderator);
		await expectFits(moderator, path);
	}
	await moderator.context().close();
});
