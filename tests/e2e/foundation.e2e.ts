import { DEMO, expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('the public list shows the demo town’s published places, in Japanese and in English', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/つながりマップ/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	// the list pages by 30; the count says how many published places the demo town has
	await expect(page.getByTestId('place-card')).toHaveCount(30);
	const total = Number((await page.getByTestId('result-count').textContent())!.match(/^(\d+)件/)![1]);
	expect(total).toBeGreaterThanOrEqual(150);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('地域の居場所・活動をさがす');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find places and activities in your community');
});

for (const user of DEMO.users) {
	test(`${user.role} signs in, sees their role, and signs out`, async ({ page }) => {
		await signIn(page, user.email);
		await expect(page).toHaveURL(/\/account$/);
		await expect(page.getByTestId('account-email')).toHaveText(user.email);
		await expect(page.getByTestId('membership')).toContainText(
			{
				volunteer: 'ボランティア',
				moderator: 'モデレーター',
				coordinator: 'コーディネーター',
				agency_staff: '関係機関職員',
				admin: '管理者'
			}[user.role]
		);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'ログアウト' }).click();
		await expect(page.getByText('ログアウトしました。')).toBeVisible();
		await page.goto('/account');
		await expect(page).toHaveURL(/\/auth\/sign-in\?next=%2Faccount/);
	});
}

test('a wrong password gets a Japanese message and keeps the e-mail typed', async ({ page }) => {
	await signIn(page, DEMO.users[0].email, 'wrong-password');
	await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います。');
	await expect(page.getByLabel('メールアドレス')).toHaveValue(DEMO.users[0].email);
	await expect(page.getByLabel('パスワード')).toHaveValue('');
	await expectNoAxeViolations(page);
});

test('empty and malformed fields get errors next to them, also without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/auth/sign-in');
	await page.getByLabel('メールアドレス').fill('not-an-address');
	await page.getByRole('button', { name: 'ログインする' }).click();
	await expect(page.locator('#field-email-error')).toHaveText('メールアドレスの形式が正しくありません（例: hanako@example.jp）');
	await expect(page.locator('#field-password-error')).toHaveText('パスワードを入力してください');
	await expect(page.getByLabel('メールアドレス')).toHaveValue('not-an-address');
	await context.close();
});

test('a signed-out session cookie is refused on the next request', async ({ page, context }) => {
	await signIn(page, DEMO.users[0].email);
	await expect(page).toHaveURL(/\/account$/);
	const [cookie] = (await context.cookies()).filter((c) => c.name === 'tm_session');
	expect(cookie).toBeDefined();
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await expect(page.getByText('ログアウトしました。')).toBeVisible();
	// replay the old cookie as an attacker who copied it would
	await context.addCookies([cookie]);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/auth\/sign-in/);
});

test('operators: /healthz and /readyz answer without naming versions; every response carries a request id', async ({ request }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok' });
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current' } });
	expect(await ready.text()).not.toMatch(/\d+\.\d+\.\d+|postgres|pglite|node/i);
	const page = await request.get('/');
	expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	const again = await request.get('/');
	expect(again.headers()['x-request-id']).not.toBe(page.headers()['x-request-id']);
});
