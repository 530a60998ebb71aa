import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../scripts/seed/demo-town';

export { expect };
export const DEMO = { password: DEMO_PASSWORD, users: DEMO_USERS };

/** Every test runs with the network closed except our own server: no tiles, no CDNs. */
export const test = base.extend({
	page: async ({ page }, use) => {
		await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
		await use(page);
	}
});

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/auth/sign-in');
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill(password);
	await page.getByRole('button', { name: 'ログインする' }).click();
}

/** Nothing sticks out of a 360 px screen (the page scrolls only vertically). */
export async function expectFits(page: Page, path: string) {
	const wide = await page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.overflow-x-auto'))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)} "${(e.textContent ?? '').trim().slice(0, 20)}"`)
	);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${path} is wider than the screen: ${wide.join(' | ')}`).toBeLessThanOrEqual(0);
}

/**
 * Opens `path` as a slow phone on a slow line meets it — the page is there, its JavaScript is not
 * yet — runs `act` in that window, then lets the JavaScript arrive and waits for hydration (the root
 * layout marks <html data-hydrated>). The scripts are held back until `act` is done, so the window
 * is certain, not a race.
 */
export async function beforeHydration(page: Page, path: string, act: () => Promise<void>) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const scripts = /\/_app\/immutable\/.+\.js$/;
	await page.route(scripts, async (route) => {
		await held;
		await route.continue();
	});
	try {
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		await act();
		expect(await page.evaluate(() => document.documentElement.dataset.hydrated), 'hydrated before the person acted').toBeUndefined();
	} finally {
		release();
	}
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 60_000 });
	await page.unroute(scripts);
}
