/**
 * The public search in SQL, checked against the demo town and against the domain's own
 * schedule functions (the SQL filters and the domain must agree on 今日, 今週, 曜日, 時間帯).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshness } from '../../src/lib/domain/places/freshness';
import { isOnToday, isThisWeek, matchesWhen } from '../../src/lib/domain/shared/schedule';
import { parseSearch } from '../../src/lib/domain/places/search';
import { ANON } from '../../src/lib/server/platform/db/index';
import { scheduleColumns, scheduleFromRow, type ScheduleRow } from '../../src/lib/server/places/schedules';
import { nothingFound, placeFeatures, searchPlaces } from '../../src/lib/server/places/search';
import { ACCOMMODATIONS, CATEGORIES, TARGET_GROUPS } from '../../src/lib/domain/shared/taxonomy';
import { label } from '../../src/lib/i18n/index';
import { TEST_TODAY } from './config';
import { openTestDb, user, type TestDb } from './helpers';
import { TOWN_A, USERS, buildWorld } from './world';

let db: TestDb;
const now = TEST_TODAY; // Sunday 2026-11-22 10:00 JST
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
});
afterAll(() => db?.close());

const search = (qs: string, at = now) => db.as(ANON, (tx) => searchPlaces(tx, parseSearch(new URLSearchParams(qs)).filter, at, 1000));

/** Every published place with its activity's schedule, straight from the tables. */
async function schedules() {
	return db.system((tx) =>
		tx.query<ScheduleRow & { place_id: string }>(
			`select a.place_id, ${scheduleColumns('a')} from public.activities a join public.places p on p.id = a.place_id where p.status = 'published'`
		)
	);
}

describe('public search', () => {
	it('returns every published place and nothing else when unfiltered', async () => {
		const { places, total } = await search('');
		const published = await db.system(
			async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n from public.places where status = 'published'`))[0].n
		);
		expect(total).toBe(published);
		expect(places).toHaveLength(published);
	});

	it('filters by several categories, a target group and all of the chosen 配慮', async () => {
		const { places } = await search('category=salon&category=kayoinoba&acc=solo_ok&acc=observe_ok&target=elderly');
		expect(places.length).toBeGreaterThan(0);
		for (const p of places) {
			expect(['salon', 'kayoinoba']).toContain(p.category);
			expect(p.accommodations).toEqual(expect.arrayContaining(['solo_ok', 'observe_ok']));
			expect(p.targetGroups).toContain('elderly');
		}
	});

	it('finds only free places with free=1', async () => {
		const { places } = await search('free=1');
		expect(places.length).toBeGreaterThan(0);
		expect(places.every((p) => p.feeYen === 0)).toBe(true);
	});

	it.each([
		['today', isOnToday],
		['week', isThisWeek]
	] as const)('when=%s agrees with the domain schedule functions', async (when, fn) => {
		const wednesday = new Date('2026-11-25T09:00:00+09:00');
		const expected = (await schedules())
			.filter((r) => fn(scheduleFromRow(r), wednesday))
			.map((r) => r.place_id)
			.sort();
		expect(expected.length).toBeGreaterThan(0);
		const { places } = await search(`when=${when}`, wednesday);
		expect(places.map((p) => p.id).sort()).toEqual([...new Set(expected)]);
	});

	it('weekday and 時間帯 filters agree with the domain, including activities across noon', async () => {
		for (const qs of ['day=2&band=morning', 'day=6&band=afternoon', 'band=evening', 'day=0']) {
			const f = parseSearch(new URLSearchParams(qs)).filter;
			const expected = (await schedules())
				.filter((r) => matchesWhen(scheduleFromRow(r), now, { weekdays: f.weekdays, bands: f.bands }))
				.map((r) => r.place_id);
			expect(expected.length, qs).toBeGreaterThan(0);
			const { places } = await search(qs);
			expect(places.map((p) => p.id).sort(), qs).toEqual([...new Set(expected)].sort());
		}
		// 11:00–14:00 子ども食堂 are both morning and afternoon
		const morning = new Set((await search('category=kodomo_shokudo&band=morning')).places.map((p) => p.id));
		const afternoon = (await search('category=kodomo_shokudo&band=afternoon')).places.map((p) => p.id);
		expect(afternoon.some((id) => morning.has(id))).toBe(true);
	});

	it('keywords fold width and kana, work with one or two characters, and are never SQL', async () => {
		const cafe = await search('q=カフェ');
		expect(cafe.places.length).toBeGreaterThan(0);
		expect((await search('q=かふぇ')).total).toBe(cafe.total);
		expect((await search('q=ｶﾌｪ')).total).toBe(cafe.total);
		const two = await search('q=食堂');
		expect(two.places.length).toBeGreaterThan(0);
		expect(two.places.every((p) => (p.name + p.summary).includes('食堂') || p.category === 'kodomo_shokudo')).toBe(true);
		expect((await search(`q=${encodeURIComponent("%' or 1=1 --")}`)).total).toBe(0);
		expect((await search('q=_')).total).toBe(0);
		expect((await search('q=100%')).total).toBe(0);
	});

	it('filters by an area of any layer: 圏域 ⊇ 地区 ⊇ 小学校区 ⊇ 自治会', async () => {
		const ids = await db.system((tx) =>
			tx.query<{ id: string; kind: string }>(
				`select id, kind::text from public.areas where name in ('中部圏域', '本町地区', '本町小学校区', '本町1丁目自治会')`
			)
		);
		const counts: Record<string, number> = {};
		for (const a of ids) counts[a.kind] = (await search(`area=${a.id}`)).total;
		expect(counts.sphere).toBeGreaterThanOrEqual(counts.district);
		expect(counts.district).toBeGreaterThanOrEqual(counts.school_district);
		expect(counts.school_district).toBeGreaterThanOrEqual(counts.neighborhood);
		expect(counts.sphere).toBeGreaterThan(0);
		expect(counts.sphere).toBeLessThan((await search('')).total);
	});

	it('near a point: only places within the radius, nearest first, 窓口のみ never located', async () => {
		const { places } = await search('near=34.98,138.41&radius=2000&sort=distance');
		expect(places.length).toBeGreaterThan(1);
		const d = places.map((p) => p.distanceM!);
		expect(d.every((x) => x <= 2000)).toBe(true);
		expect(d).toEqual([...d].sort((a, b) => a - b));
		expect(places.some((p) => p.disclosure === 'contact_only')).toBe(false);
	});

	it('sorts by the next date by default, soonest first, with places without dates last', async () => {
		const { places: all } = await search('');
		// issue 4: overdue listings (not confirmed for too long) come after the others; within
		// each group the order is by the next date
		const overdue = (p: (typeof all)[number]) => freshness(p.category, p.verifiedAt, now).state === 'overdue';
		for (const places of [all.filter((p) => !overdue(p)), all.filter(overdue)]) {
			const times = places.filter((p) => p.nextStart).map((p) => p.nextStart!.getTime());
			expect(times).toEqual([...times].sort((a, b) => a - b));
			const firstWithout = places.findIndex((p) => !p.nextStart);
			if (firstWithout >= 0) expect(places.slice(firstWithout).every((p) => !p.nextStart)).toBe(true);
		}
		expect(all[0].nextEnd!.getTime()).toBeGreaterThan(all[0].nextStart!.getTime());
	});

	it('pages through results and still knows the total past the last page', async () => {
		const first = await db.as(ANON, (tx) => searchPlaces(tx, parseSearch(new URLSearchParams('')).filter, now, 30));
		const second = await db.as(ANON, (tx) => searchPlaces(tx, parseSearch(new URLSearchParams('page=2')).filter, now, 30));
		expect(first.places).toHaveLength(30);
		expect(second.places[0].id).not.toBe(first.places[0].id);
		const beyond = await db.as(ANON, (tx) => searchPlaces(tx, parseSearch(new URLSearchParams('page=99')).filter, now, 30));
		expect(beyond.places).toEqual([]);
		expect(beyond.total).toBe(first.total);
	});

	it('a signed-in member still sees only published places in the public search', async () => {
		const asMember = await db.as(user(USERS.volunteer), (tx) => searchPlaces(tx, parseSearch(new URLSearchParams('')).filter, now, 1000));
		expect(asMember.total).toBe((await search('')).total);
	});

	it('GeoJSON: valid JSON even for names with quotes and backslashes, approximate flagged, 窓口のみ left out, truncation said', async () => {
		await db.system((tx) =>
			tx.query(
				`update public.places set name = $1 where id = (select id from public.places where status = 'published' and disclosure = 'exact' order by id limit 1)`,
				['「"引用"」\\ と </script>']
			)
		);
		const filter = parseSearch(new URLSearchParams('')).filter;
		const fc = JSON.parse(await db.as(ANON, (tx) => placeFeatures(tx, filter, now, 10_000)));
		const { total } = await search('');
		const contactOnly = (await search('')).places.filter((p) => p.disclosure === 'contact_only').length;
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.truncated).toBe(false);
		expect(fc.features).toHaveLength(total - contactOnly);
		expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain('「"引用"」\\ と </script>');
		expect(fc.features.some((f: { properties: { approximate: boolean } }) => f.properties.approximate)).toBe(true);
		const few = JSON.parse(await db.as(ANON, (tx) => placeFeatures(tx, filter, now, 5)));
		expect(few.features).toHaveLength(5);
		expect(few.truncated).toBe(true);
	});

	describe('keywords find what people type (issue 10 item 1)', () => {
		const ids = async (qs: string) => new Set((await search(qs)).places.map((p) => p.id));
		const published = (where: string, params: unknown[] = []) =>
			db.system(async (tx) =>
				(await tx.query<{ id: string }>(`select id from public.places where status = 'published' and ${where}`, params)).map((r) => r.id)
			);

		it('子ども食堂, 子供食堂 and こども食堂 each find every 子ども食堂', async () => {
			const shokudo = await published(`category = 'kodomo_shokudo'`);
			expect(shokudo.length).toBeGreaterThan(3);
			for (const q of ['子ども食堂', '子供食堂', 'こども食堂', 'コドモ食堂', 'こどもしょくどう']) {
				const found = await ids(`q=${encodeURIComponent(q)}`);
				expect(
					shokudo.filter((id) => !found.has(id)),
					q
				).toEqual([]);
			}
		});

		it('いばしょ finds what 居場所 finds, and every 居場所', async () => {
			const kanji = await ids('q=居場所');
			const ibasho = await published(`category = 'ibasho'`);
			expect(ibasho.length).toBeGreaterThan(0);
			expect([...kanji].sort()).toEqual([...(await ids('q=いばしょ'))].sort());
			expect(ibasho.every((id) => kanji.has(id))).toBe(true);
		});

		it('たいそう finds the 体操 places', async () => {
			const taiso = await published(`(coalesce(description, '') || name || coalesce(summary, '')) like '%体操%'`);
			expect(taiso.length).toBeGreaterThan(0);
			const found = await ids(`q=${encodeURIComponent('たいそう')}`);
			expect(taiso.filter((id) => !found.has(id))).toEqual([]);
			expect([...found].sort()).toEqual([...(await ids('q=体操'))].sort());
		});

		it('an area name finds every place in the area and the areas inside it', async () => {
			for (const name of ['中部圏域', '本町地区', '本町小学校区']) {
				const [{ id }] = await db.system((tx) => tx.query<{ id: string }>(`select id from public.areas where name = $1`, [name]));
				const inArea = await ids(`area=${id}`);
				expect(inArea.size, name).toBeGreaterThan(0);
				const found = await ids(`q=${encodeURIComponent(name)}`);
				expect(
					[...inArea].filter((x) => !found.has(x)),
					name
				).toEqual([]);
			}
		});

		it('a category, target or 配慮 label finds the places that have it', async () => {
			for (const [q, filter] of [
				['見学だけOK', 'acc=observe_ok'],
				['送迎あり', 'acc=pickup'],
				['高齢の方', 'target=elderly'],
				['サロン', 'category=salon'],
				['フードパントリー', 'category=food_support']
			]) {
				const tagged = await ids(filter);
				expect(tagged.size, q).toBeGreaterThan(0);
				const found = await ids(`q=${encodeURIComponent(q)}`);
				expect(
					[...tagged].filter((x) => !found.has(x)),
					q
				).toEqual([]);
			}
		});

		it('every category, target and 配慮 label of the message catalogue, in Japanese and English, finds its places', async () => {
			const vocabularies = [
				['category', 'category', CATEGORIES],
				['target_group', 'target', TARGET_GROUPS],
				['accommodation', 'acc', ACCOMMODATIONS]
			] as const;
			for (const [vocabulary, param, codes] of vocabularies)
				for (const code of codes) {
					const tagged = await ids(`${param}=${code}`);
					for (const locale of ['ja', 'en'] as const) {
						const q = label(vocabulary, code, locale);
						const found = await ids(new URLSearchParams({ q }).toString());
						expect(
							[...tagged].filter((x) => !found.has(x)),
							`${q} (${code})`
						).toEqual([]);
					}
				}
		});

		it('a typo gets the nearest known term as 「もしかして」, one that finds places', async () => {
			for (const [typo, meant] of [
				['こども食道', '子ども食堂'],
				['サロソ', 'サロン']
			]) {
				const f = parseSearch(new URLSearchParams({ q: typo })).filter;
				const { total } = await db.as(ANON, (tx) => searchPlaces(tx, f, now));
				const { suggestion } = await db.as(ANON, (tx) => nothingFound(tx, f, now));
				expect(total > 0 || suggestion === meant, `${typo}: total ${total}, suggestion ${suggestion}`).toBe(true);
				expect(suggestion).toBe(meant);
				expect((await search(`q=${encodeURIComponent(meant)}`)).total).toBeGreaterThan(0);
			}
			const fine = parseSearch(new URLSearchParams({ q: 'サロン' })).filter;
			expect((await db.as(ANON, (tx) => nothingFound(tx, fine, now))).suggestion).toBeNull();
		});

		it('a search that found nothing is counted by keyword and day, never with digits, @ or long text', async () => {
			const misses = () =>
				db.system((tx) =>
					tx.query<{ query: string; count: number; municipality_id: string }>(
						`select query, count, municipality_id from public.search_misses order by query`
					)
				);
			await db.system((tx) => tx.query(`delete from public.search_misses`)); // the typo test's searches
			const miss = (q: string) => db.as(ANON, (tx) => nothingFound(tx, parseSearch(new URLSearchParams({ q })).filter, now));
			expect((await search('q=ぬえぬえ')).total).toBe(0);
			await db.system((tx) =>
				tx.query(`insert into public.search_misses (municipality_id, day, query) values ($1, current_date - 731, 'ふるい')`, [TOWN_A])
			);
			await miss('ぬえぬえ');
			await miss('ヌエヌエ');
			await miss('ｎｕｅ  ぬえ');
			await miss('山田 090-1234');
			await miss('a@example.jp');
			await miss('あ'.repeat(21));
			expect(await misses()).toEqual([
				{ query: 'nue ヌエ', count: 1, municipality_id: TOWN_A },
				{ query: 'ヌエヌエ', count: 2, municipality_id: TOWN_A }
			]);
			// anon writes only through the function
			await expect(
				db.as(ANON, (tx) =>
					tx.query(`insert into public.search_misses (municipality_id, day, query) values ($1, current_date, 'x')`, [TOWN_A])
				)
			).rejects.toThrow();
			expect(await db.as(user(USERS.moderator), (tx) => tx.query(`select * from public.search_misses`))).toHaveLength(2);
			expect(await db.as(user(USERS.volunteer), (tx) => tx.query(`select * from public.search_misses`))).toHaveLength(0);
		});
	});
});
