/** Constraints live in SQL, not only in zod: bad rows are refused whoever writes them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { openTestDb, sqlState, type TestDb } from './helpers';
import { ORG_B, ORG_OWN, TOWN_A, TOWN_B, buildWorld } from './world';

let db: TestDb;
let place: string;
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
	place = await db.system(
		async (tx) =>
			(
				await tx.query<{ id: string }>(
					`insert into public.places (municipality_id, organization_id, name, category) values ($1, $2, '制約テスト', 'salon') returning id`,
					[TOWN_A, ORG_OWN]
				)
			)[0].id
	);
});
afterAll(() => db?.close());

/** Runs as the system path — even the owner cannot store these. */
const refused = (sql: string, params: unknown[] = []) => db.system((tx: Tx) => tx.query(sql, params));

const activity = (overrides: Record<string, unknown>) => {
	const row: Record<string, unknown> = {
		municipality_id: TOWN_A,
		organization_id: ORG_OWN,
		place_id: place,
		title: '活動',
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		dtstart: '2026-04-01',
		start_time: '10:00',
		end_time: '12:00',
		...overrides
	};
	const cols = Object.keys(row);
	return refused(
		`insert into public.activities (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
		Object.values(row)
	);
};

describe('constraints', () => {
	it.each([
		['a code with a wrong check digit', '229998'],
		['five digits', '22999'],
		['全角 digits', '２２９９９７'],
		['letters', '22999a']
	])('municipality code: refuses %s', async (_, code) => {
		expect(
			await sqlState(() => refused(`insert into public.municipalities (code, name, prefecture) values ($1, '町', '静岡県')`, [code]))
		).toBe('23514');
	});

	it('accepts real 団体コード check digits (札幌市 011002, 千代田区 131016)', async () => {
		for (const code of ['011002', '131016'])
			expect(
				await sqlState(() => refused(`insert into public.municipalities (code, name, prefecture) values ($1, '市', '東京都')`, [code]))
			).toBeNull();
	});

	it.each([
		['Seoul', 126.98, 37.57],
		['Busan', 129.05, 35.1],
		['Taipei', 121.56, 25.03],
		['Vladivostok', 131.9, 43.1],
		['the Pacific east of Japan', 160, 35],
		['null island', 0, 0],
		['swapped latitude and longitude', 34.98, 138.4]
	])('refuses a location outside Japan: %s', async (_, lon, lat) => {
		const state = await sqlState(() =>
			refused(
				`insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
				 values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326)::geography, '住所')`,
				[place, ORG_OWN, TOWN_A, lon, lat]
			)
		);
		expect(state).toBe('23514');
	});

	it.each([
		['稚内', 141.67, 45.4],
		['礼文島', 141.0, 45.4],
		['与那国島', 123.0, 24.45],
		['対馬', 129.3, 34.4],
		['沖ノ鳥島', 136.08, 20.43],
		['南鳥島', 153.98, 24.29],
		['ひだまり市', 138.4, 34.98]
	])('accepts a location in Japan: %s', async (_, lon, lat) => {
		const [{ ok }] = await db.system((tx) =>
			tx.query<{ ok: boolean }>('select private.in_japan(st_setsrid(st_makepoint($1, $2), 4326)::geography) as ok', [lon, lat])
		);
		expect(ok).toBe(true);
	});

	it('refuses a place whose organisation belongs to another municipality', async () => {
		const state = await sqlState(() =>
			refused(`insert into public.places (municipality_id, organization_id, name, category) values ($1, $2, '越境', 'salon')`, [
				TOWN_A,
				ORG_B
			])
		);
		expect(state).toBe('23503');
	});

	it.each([
		[
			'an unknown category',
			`insert into public.places (municipality_id, organization_id, name, category) values ('${TOWN_A}', '${ORG_OWN}', 'x', 'casino')`,
			'22P02'
		],
		[
			'an empty name',
			`insert into public.places (municipality_id, organization_id, name, category) values ('${TOWN_A}', '${ORG_OWN}', '', 'salon')`,
			'23514'
		],
		[
			'a negative fee',
			`insert into public.places (municipality_id, organization_id, name, category, fee_yen) values ('${TOWN_A}', '${ORG_OWN}', 'x', 'salon', -100)`,
			'23514'
		],
		[
			'a phone number without hyphens in 全角',
			`insert into public.places (municipality_id, organization_id, name, category, contact_phone) values ('${TOWN_A}', '${ORG_OWN}', 'x', 'salon', '０５４０００１２３４')`,
			'23514'
		],
		[
			'a name of 101 characters',
			`insert into public.places (municipality_id, organization_id, name, category) values ('${TOWN_A}', '${ORG_OWN}', repeat('あ', 101), 'salon')`,
			'23514'
		]
	])('places: refuses %s', async (_, sql, code) => {
		expect(await sqlState(() => refused(sql))).toBe(code);
	});

	it.each([
		['an end before the start', { start_time: '12:00', end_time: '10:00' }],
		['an end without a start', { start_time: null, end_time: '10:00' }],
		['an RRULE with unknown parts', { rrule: 'FREQ=WEEKLY;BYDAY=MO;X-EVIL=1' }],
		['an RRULE with SQL in it', { rrule: "FREQ=WEEKLY'; drop table public.places; --" }],
		['no RRULE and no note', { rrule: null }],
		['a closure that is not a list', { closures: '{"kind":"annual"}' }],
		['a closure with a bad date', { closures: '[{"kind":"annual","from":"13-01","to":"01-03"}]' }],
		['a one-off closure ending before it starts', { closures: '[{"kind":"once","from":"2026-08-10","to":"2026-08-01"}]' }],
		['until before dtstart', { until: '2026-03-01' }]
	])('activities: refuses %s', async (_, overrides) => {
		expect(await sqlState(() => activity(overrides))).toBe('23514');
	});

	it('activities: accepts 年末年始 wrapping the year and an irregular schedule with a note', async () => {
		expect(await sqlState(() => activity({ closures: '[{"kind":"annual","from":"12-29","to":"01-03","label":"年末年始"}]' }))).toBeNull();
		expect(await sqlState(() => activity({ rrule: null, schedule_note: '月に1回程度（日程はお問い合わせください）' }))).toBeNull();
	});

	it.each([
		['capacity 0', 0, null, null],
		['age_min above age_max', 2, 40, 20],
		['an age of 200', 2, 200, null]
	])('openings: refuses %s', async (_, capacity, ageMin, ageMax) => {
		const state = await sqlState(() =>
			refused(
				`insert into public.openings (municipality_id, organization_id, place_id, title, capacity, age_min, age_max, rrule, dtstart)
				 values ($1, $2, $3, '枠', $4, $5, $6, 'FREQ=WEEKLY;BYDAY=MO', '2026-04-01')`,
				[TOWN_A, ORG_OWN, place, capacity, ageMin, ageMax]
			)
		);
		expect(state).toBe('23514');
	});

	it('memberships: a municipality-wide role needs an organisation that may hold it', async () => {
		const u = await db.system(
			async (tx) =>
				(await tx.query<{ id: string }>(`insert into auth.users (id, email) values (gen_random_uuid(), 'm@test.example') returning id`))[0]
					.id
		);
		const grant = (org: string, muni: string, role: string) =>
			sqlState(() =>
				refused('insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, $4)', [
					u,
					org,
					muni,
					role
				])
			);
		expect(await grant(ORG_OWN, TOWN_A, 'moderator')).toBe('23514'); // an NPO has no moderators
		expect(await grant(ORG_OWN, TOWN_A, 'agency_staff')).toBe('23514');
		expect(await grant(ORG_B, TOWN_A, 'volunteer')).toBe('23503'); // organisation and municipality disagree
		expect(await grant(ORG_B, TOWN_B, 'moderator')).toBeNull();
	});
});
