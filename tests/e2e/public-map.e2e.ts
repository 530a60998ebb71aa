import type { BrowserType } from '@playwright/test';
import { beforeHydration, expect, expectNoAxeViolations, test } from './fixtures';

/** Chromium as a municipal PC or an old phone runs it: no WebGL at all. */
const launchWithoutWebGL = (playwright: { chromium: BrowserType }) =>
	playwright.chromium.launch({
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-3d-apis',
			'--disable-dev-shm-usage',
			'--no-first-run',
			'--disable-background-networking'
		]
	});

test.describe('finding a place', () => {
	test('on a 360 px phone, filters in the URL leave the results near the top, the closed panel naming them', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/?category=kodomo_shokudo&free=1');
		await expect(page.getByTestId('active-filters')).toHaveText('（2件の条件で絞り込み中）');
		// the count of results is on the first screen, the first card within the second (it was ~3,300 px down)
		const count = (await page.getByTestId('result-count').boundingBox())!;
		expect(count.y + count.height).toBeLessThan(740);
		expect((await page.getByTestId('place-card').first().boundingBox())!.y).toBeLessThan(2 * 740);
		// one tap opens the panel with the conditions chosen
		await page.getByText('条件でさがす', { exact: true }).click();
		await expect(page.getByLabel('子ども食堂')).toBeChecked();
		await expect(page.getByLabel('無料の場所だけ')).toBeChecked();
		await expectNoAxeViolations(page);
	});

	test('filters round-trip through the URL and the form shows them again', async ({ page }) => {
		await page.goto('/');
		await page.getByText('条件でさがす', { exact: true }).click();
		await page.getByLabel('子ども食堂').check();
		await page.getByLabel('無料の場所だけ').check();
		await page.getByRole('button', { name: 'この条件でさがす' }).first().click();
		await expect(page).toHaveURL(/category=kodomo_shokudo/);
		await expect(page).toHaveURL(/free=1/);
		const cards = page.getByTestId('place-card');
		await expect(cards.first()).toBeVisible();
		for (const text of await cards.allInnerTexts()) {
			expect(text).toContain('子ども食堂');
			expect(text).toContain('無料');
		}
		// the same URL, opened fresh (shared or bookmarked), shows the same search
		const url = page.url();
		await page.goto(url);
		await expect(page.getByLabel('子ども食堂')).toBeChecked();
		await expect(page.getByLabel('無料の場所だけ')).toBeChecked();
		await expectNoAxeViolations(page);
	});

	test('the list and the filters work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
		const page = await context.newPage();
		await page.goto('/');
		expect(await page.getByTestId('place-card').count()).toBe(30);
		// 「近くをさがす」 says what it needs instead of standing empty
		await expect(page.getByTestId('near-unavailable')).toContainText('JavaScript');
		await page.getByLabel('キーワード').fill('体操');
		await page.getByRole('button', { name: 'この条件でさがす' }).first().click();
		await expect(page).toHaveURL(/q=%E4%BD%93%E6%93%8D/);
		const texts = await page.getByTestId('place-card').allInnerTexts();
		expect(texts.length).toBeGreaterThan(0);
		for (const t of texts) expect(t).toContain('体操');
		await context.close();
	});

	test('pages through the list', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('result-count')).toContainText('1〜30件目');
		await page.getByRole('link', { name: '次の30件' }).click();
		await expect(page).toHaveURL(/page=2/);
		await expect(page.getByTestId('result-count')).toContainText('31〜60件目');
	});

	test('a bad parameter is named in Japanese and the rest of the search still runs', async ({ page }) => {
		await page.goto('/?category=casino&category=salon');
		await expect(page.getByRole('alert')).toContainText('「種類」の値「casino」は選べません');
		const texts = await page.getByTestId('place-card').allInnerTexts();
		expect(texts.length).toBeGreaterThan(0);
		for (const t of texts) expect(t).toContain('サロン');
	});

	test('a typo gets 「もしかして」, and a search that finds nothing offers to widen it', async ({ page }) => {
		await page.goto(`/?q=${encodeURIComponent('こども食道')}`);
		const suggestion = page.getByTestId('suggestion');
		await expect(suggestion).toContainText('もしかして');
		await suggestion.getByRole('link', { name: '子ども食堂' }).click();
		await expect(page).toHaveURL(/q=%E5%AD%90%E3%81%A9%E3%82%82%E9%A3%9F%E5%A0%82/);
		await expect(page.getByTestId('place-card').first()).toBeVisible();

		await page.goto(`/?q=${encodeURIComponent('ぬえぬえ')}&category=salon`);
		const widen = page.getByTestId('widen');
		await expect(widen.getByRole('link', { name: 'キーワード以外の条件を外してさがす' })).toBeVisible();
		await expectNoAxeViolations(page);
		await widen.getByRole('link', { name: 'キーワードを外してさがす' }).click();
		await expect(page).toHaveURL(/category=salon/);
		await expect(page).not.toHaveURL(/q=/);
		await expect(page.getByTestId('place-card').first()).toBeVisible();
	});

	test('works on a 360 px wide screen and at 200% zoom without sideways scrolling', async ({ browser }) => {
		for (const options of [{ viewport: { width: 360, height: 740 } }, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }]) {
			const context = await browser.newContext({ ...options, locale: 'ja-JP' });
			const page = await context.newPage();
			await page.goto('/');
			if (options.deviceScaleFactor) await page.evaluate(() => (document.body.style.zoom = '2'));
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await expect(page.getByTestId('place-card').first()).toBeVisible();
			await context.close();
		}
	});
});

// issue 10 item 4: on a slow phone the page shows seconds before it hydrates
test('a keyword typed before the page has hydrated is kept, and searched for', async ({ page }) => {
	const q = page.getByRole('searchbox', { name: 'キーワード' });
	await beforeHydration(page, '/', () => q.pressSequentially('こども食堂'));
	await expect(q).toHaveValue('こども食堂');
	await page.getByRole('button', { name: 'この条件でさがす' }).click();
	await expect(page).toHaveURL(/[?&]q=%E3%81%93%E3%81%A9%E3%82%82%E9%A3%9F%E5%A0%82/);
});

test.describe('a place page', () => {
	test('says what, for whom, when (sentence and next three dates), fee, 配慮 and contact, with JSON-LD and OGP', async ({ page }) => {
		await page.goto('/?category=kodomo_shokudo');
		await page.getByTestId('place-card').first().getByRole('link').click();
		await expect(page).toHaveURL(/\/places\//);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByTestId('schedule-sentence').first()).toHaveText(/毎月|毎週|隔週/);
		await expect(page.getByTestId('next-dates').locator('li')).toHaveCount(3);
		await expect(page.getByText(/最終確認: 令和\d+年\d+月/)).toBeVisible();
		await expect(page.getByTestId('freshness')).toBeVisible();
		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd['@type']).toBe('Place');
		expect(jsonLd.event).toHaveLength(3);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
			'content',
			(await page.getByRole('heading', { level: 1 }).textContent())!
		);
		await expectNoAxeViolations(page);
	});

	test('the .ics download carries the schedule with Asia/Tokyo times', async ({ page }) => {
		await page.goto('/?category=salon');
		await page.getByTestId('place-card').first().getByRole('link').click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /カレンダーに追加/ }).click()]);
		const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(text).toContain('DTSTART;TZID=Asia/Tokyo:');
		expect(text).toMatch(/RRULE:FREQ=MONTHLY;BYDAY=/);
	});
});

test.describe('disclosure levels reach the public only as allowed', () => {
	for (const [level, expectation] of [
		['exact', 'full address'],
		['approximate', 'address to 丁目'],
		['contact_only', 'no address']
	] as const) {
		test(`${level}: ${expectation}`, async ({ page, request }) => {
			const fc = await (await request.get('/api/places.geojson')).json();
			const csv = await (await request.get('/api/places.csv')).text();
			const row = csv
				.split('\r\n')
				.find((line) => line.includes({ exact: '正確', approximate: 'おおよそ', contact_only: '非公開' }[level]))!;
			const id = row.split(',').at(-1)!;
			await page.goto(`/places/${id}`);
			const inGeoJson = fc.features.find((f: { properties: { id: string } }) => f.properties.id === id);
			if (level === 'contact_only') {
				expect(inGeoJson).toBeUndefined();
				await expect(page.getByText('この場所は、安心して利用していただくため地図に表示していません。')).toBeVisible();
				await expect(page.getByText(/\d+丁目/)).toHaveCount(0);
			} else if (level === 'approximate') {
				expect(inGeoJson.properties.approximate).toBe(true);
				await expect(page.getByText(/\d丁目$/)).toBeVisible();
				await expect(page.getByText(/丁目\d+-\d+/)).toHaveCount(0);
				await expect(page.getByText('地図にはおおよその位置')).toBeVisible();
			} else {
				expect(inGeoJson.properties.approximate).toBe(false);
				await expect(page.getByText(/丁目\d+-\d+/)).toBeVisible();
			}
		});
	}
});

test.describe('open data', () => {
	test('GeoJSON honours bbox and filters, revalidates with ETag, and explains bad parameters', async ({ request }) => {
		const all = await request.get('/api/places.geojson');
		expect(all.headers()['content-type']).toContain('application/geo+json');
		expect(all.headers()['cache-control']).toContain('max-age');
		const body = await all.json();
		expect(body.type).toBe('FeatureCollection');
		const inBox = await (await request.get('/api/places.geojson?bbox=138.35,34.93,138.41,34.98&category=salon')).json();
		expect(inBox.features.length).toBeGreaterThan(0);
		expect(inBox.features.length).toBeLessThan(body.features.length);
		for (const f of inBox.features) {
			const [lon, lat] = f.geometry.coordinates;
			expect(lon).toBeGreaterThanOrEqual(138.35);
			expect(lat).toBeLessThanOrEqual(34.98);
			expect(f.properties.category).toBe('salon');
		}
		const again = await request.get('/api/places.geojson', { headers: { 'if-none-match': all.headers().etag } });
		expect(again.status()).toBe(304);
		const bad = await request.get('/api/places.geojson?bbox=1,2,3&category=casino');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).errors).toEqual([
			{ parameter: 'category', value: 'casino', reason: 'not one of the allowed values' },
			{ parameter: 'bbox', value: '1,2,3', reason: 'not in the expected format' }
		]);
	});

	test('places.csv opens in Excel: BOM, Japanese header, one row per place', async ({ page }) => {
		await page.goto('/?category=salon');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSVでダウンロード' }).click()]);
		const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trim().split('\r\n');
		expect(lines[0]).toMatch(/^市区町村コード,NO,都道府県名,市区町村名,名称/);
		expect(lines.length - 1).toBe(30);
		expect(lines.slice(1).every((l) => l.startsWith('229997,'))).toBe(true);
	});

	test('events.csv has one row per occurrence in the next 90 days', async ({ request }) => {
		const text = await (await request.get('/api/events.csv?category=kayoinoba')).text();
		const lines = text.slice(1).trim().split('\r\n');
		expect(lines[0]).toMatch(/^市区町村コード,NO,都道府県名,市区町村名,イベント名,開始日/);
		// 25 weekly 体操 groups over ~13 weeks, minus holidays and closures
		expect(lines.length - 1).toBeGreaterThan(200);
		const dates = lines.slice(1).map((l) => l.split(',')[5]);
		expect(dates).toEqual([...dates].sort());
	});

	test('HSDS services: a page of services with schedules and taxonomy terms; ORUK parameters work', async ({ request }) => {
		const res = await request.get('/api/hsds/services?taxonomy_term_id=category:kodomo_shokudo&per_page=5');
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({ page_number: 1, size: 5, first_page: true });
		expect(body.total_items).toBe(18);
		const service = body.contents[0];
		// the term of the category filtered on; HSDS ids are UUIDs (issue 10 item 17), the code and name say which
		expect(service.attributes[0].taxonomy_term).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			code: 'kodomo_shokudo',
			name: '子ども食堂',
			taxonomy: 'tsunagari-map:category'
		});
		expect(service.schedules[0]).toMatchObject({ timezone: 9 });
		expect(service.schedules[0].freq).toMatch(/WEEKLY|MONTHLY/);
		const bad = await request.get('/api/hsds/services?per_page=500');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).errors[0].parameter).toBe('per_page');
	});
});

test('print: an A4 list grouped by area with a QR code per place and the date it is true for', async ({ page }) => {
	await page.goto('/print?category=salon');
	await expect(page.getByTestId('as-of')).toHaveText(/^この内容は令和\d+年\d+月\d+日時点の情報です$/);
	const items = page.getByTestId('print-item');
	await expect(items).toHaveCount(30);
	await expect(items.first().locator('svg')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: '北部圏域' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: '大きな文字で表示' }).click();
	await expect(page).toHaveURL(/large=1/);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header').first()).toBeHidden();
});

test.describe('the map beside the list', () => {
	test('MapLibre draws the places; choosing in the list highlights on the map and back', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/?category=salon');
		const map = page.getByRole('region', { name: '場所の地図' });
		await expect(map).toHaveAttribute('data-renderer', 'maplibre');
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
		const card = page.getByTestId('place-card').first();
		await card.getByRole('button', { name: '地図で見る' }).click();
		await expect(card).toHaveAttribute('aria-current', 'true');
		await expectNoAxeViolations(page);
	});

	test('Leaflet is used with ?map=leaflet; clicking a place on it selects it in the list', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
		const page = await context.newPage();
		await page.route(/^https?:\/\/(?!localhost[:/])/, (r) => r.abort());
		await page.goto('/?category=kodomo_shokudo&map=leaflet');
		const map = page.getByRole('region', { name: '場所の地図' });
		await expect(map).toHaveAttribute('data-renderer', 'leaflet');
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
		await expectNoAxeViolations(page);
		// one result: the map centres on it and draws the place itself (on a canvas); clicking the
		// middle of the map selects its card
		const name = (await page.getByTestId('place-card').first().getByRole('heading').textContent())!.trim();
		await page.goto(`/?category=kodomo_shokudo&map=leaflet&q=${encodeURIComponent(name)}`);
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
		const id = await page.getByTestId('place-card').first().getAttribute('data-place-id');
		await expect(page.getByTestId('place-card')).toHaveCount(1);
		await map.click();
		await expect(page.locator(`article[data-place-id="${id}"]`)).toHaveAttribute('aria-current', 'true');
		await context.close();
	});

	// issue 10 item 2: on a phone without WebGL the map is made while its tab is hidden
	test('a 360 px phone without WebGL shows the map when 「地図」 is tapped, not a grey box', async ({ playwright }) => {
		const browser = await launchWithoutWebGL(playwright);
		const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'ja-JP', hasTouch: true, isMobile: true });
		await page.route(/^https?:\/\/(?!localhost[:/])/, (r) => r.abort());
		await page.goto('/');
		// made while its tab is hidden (the list is shown first)
		const map = page.getByRole('region', { name: '場所の地図', includeHidden: true });
		await expect(map).toBeHidden();
		await expect(map).toHaveAttribute('data-renderer', 'leaflet');
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
		await page.getByRole('button', { name: '地図', exact: true }).tap();
		await expect(map).toBeVisible();
		// the canvas the places are drawn on has the map's size, and the clusters are on screen
		await expect.poll(async () => (await map.locator('canvas').first().boundingBox())?.width ?? 0).toBeGreaterThan(300);
		await expect(map.locator('.tm-cluster-badge').first()).toBeVisible();
		const box = (await map.boundingBox())!;
		const badge = (await map.locator('.tm-cluster-badge').first().boundingBox())!;
		expect(badge.x).toBeGreaterThanOrEqual(box.x);
		expect(badge.x + badge.width).toBeLessThanOrEqual(box.x + box.width);
		await browser.close();
	});

	test('without WebGL the map falls back to Leaflet automatically', async ({ playwright }) => {
		const browser = await launchWithoutWebGL(playwright);
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
		await page.route(/^https?:\/\/(?!localhost[:/])/, (r) => r.abort());
		await page.goto('/');
		const map = page.getByRole('region', { name: '場所の地図' });
		await expect(map).toHaveAttribute('data-renderer', 'leaflet');
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
		await browser.close();
	});
});
