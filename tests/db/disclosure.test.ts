/**
 * Disclosure levels are enforced in SQL: the public point and address are derived from the
 * exact ones by triggers, and nothing a client writes can make the public see more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANON } from '../../src/lib/server/platform/db/index';
import { openTestDb, user, type TestDb } from './helpers';
import { ORG_OWN, TOWN_A, USERS, buildWorld } from './world';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
});
afterAll(() => db?.close());

const EXACT = { lon: 138.412345, lat: 34.987654, address: '静岡県ひだまり市本町2丁目3-5 ひだまりビル2階' };

async function newPlace(disclosure: string): Promise<string> {
	return db.as(user(USERS.moderator), async (tx) => {
		const [{ id }] = await tx.query<{ id: string }>(
			`insert into public.places (municipality_id, organization_id, name, category, status, disclosure)
			 values ($1, $2, '公開範囲テスト', 'ibasho', 'published', $3) returning id`,
			[TOWN_A, ORG_OWN, disclosure]
		);
		await tx.query(
			`insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
			 values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326)::geography, $6)`,
			[id, ORG_OWN, TOWN_A, EXACT.lon, EXACT.lat, EXACT.address]
		);
		return id;
	});
}

interface PublicView {
	lon: number | null;
	lat: number | null;
	address: string | null;
	metres: number | null;
}
const asPublic = (id: string) =>
	db.as(
		ANON,
		async (tx) =>
			(
				await tx.query<PublicView>(
					`select st_x(public_location::geometry) as lon, st_y(public_location::geometry) as lat, public_address as address,
			        st_distance(public_location, st_setsrid(st_makepoint($2, $3), 4326)::geography) as metres
			 from public.places where id = $1`,
					[id, EXACT.lon, EXACT.lat]
				)
			)[0]
	);

describe('disclosure levels', () => {
	it('exact: the public sees the point and the full address', async () => {
		const seen = await asPublic(await newPlace('exact'));
		expect(seen.metres).toBeLessThan(1);
		expect(seen.address).toBe(EXACT.address);
	});

	it('approximate: a grid-cell centre, stable, never within 350 m of the exact point; the address stops at 丁目', async () => {
		const id = await newPlace('approximate');
		const first = await asPublic(id);
		expect(first.metres).toBeGreaterThanOrEqual(350);
		expect(first.metres).toBeLessThan(800);
		expect(first.address).toBe('静岡県ひだまり市本町2丁目');
		// moving the exact point within the same cell does not move the public one
		await db.as(user(USERS.moderator), (tx) =>
			tx.query(`update public.place_locations set location = st_setsrid(st_makepoint($2, $3), 4326)::geography where place_id = $1`, [
				id,
				EXACT.lon - 0.0004,
				EXACT.lat - 0.0003
			])
		);
		const second = await asPublic(id);
		expect([second.lon, second.lat]).toEqual([first.lon, first.lat]);
	});

	it('窓口のみ: findable by name, with no location and no address', async () => {
		const id = await newPlace('contact_only');
		const seen = await asPublic(id);
		expect(seen).toEqual({ lon: null, lat: null, address: null, metres: null });
	});

	it('a client cannot write a public point that differs from what the level allows', async () => {
		const id = await newPlace('contact_only');
		await db.as(user(USERS.moderator), (tx) =>
			tx.query(
				`update public.places set public_location = st_setsrid(st_makepoint(138.4, 34.98), 4326)::geography,
			          public_address = 'ばれる住所' where id = $1`,
				[id]
			)
		);
		expect(await asPublic(id)).toEqual({ lon: null, lat: null, address: null, metres: null });
	});

	it('changing the level recomputes what the public sees', async () => {
		const id = await newPlace('exact');
		await db.as(user(USERS.moderator), (tx) => tx.query(`update public.places set disclosure = 'contact_only' where id = $1`, [id]));
		expect((await asPublic(id)).lon).toBeNull();
		await db.as(user(USERS.moderator), (tx) => tx.query(`update public.places set disclosure = 'approximate' where id = $1`, [id]));
		const seen = await asPublic(id);
		expect(seen.metres).toBeGreaterThanOrEqual(350);
		expect(seen.address).toBe('静岡県ひだまり市本町2丁目');
	});

	it('approximate, anywhere in Japan: the centre of a cell of at least 1 km² that holds the place, never within 350 m', async () => {
		// 4,000 points spread over 24°–45.5° N, 123°–146° E (a low-discrepancy sequence: same points every run)
		const [r] = await db.system((tx) =>
			tx.query<{ n: number; nearest: number; farthest: number; outside: number; offGrid: number; smallest: number }>(
				`with p as (
				   select st_setsrid(st_makepoint(123 + ((i * 0.6180339887) % 1) * 23, 24 + ((i * 0.4142135624) % 1) * 21.5), 4326)::geography as real
				   from generate_series(1, 4000) as i
				 ), a as (
				   select real, private.approximate_point(real) as pub,
				     st_x(real::geometry) as rx, st_y(real::geometry) as ry from p
				 ), c as (
				   select *, st_x(pub::geometry) as px, st_y(pub::geometry) as py from a
				 )
				 select count(*)::int as n, min(st_distance(pub, real)) as nearest, max(st_distance(pub, real)) as farthest,
				   count(*) filter (where abs(px - rx) > 0.00625 or abs(py - ry) > 0.005)::int as outside,
				   count(*) filter (where abs(px / 0.00625 - round(px / 0.00625)) > 1e-6 or abs(py / 0.005 - round(py / 0.005)) > 1e-6)::int as "offGrid",
				   min(st_area(st_makeenvelope(px - 0.00625, py - 0.005, px + 0.00625, py + 0.005, 4326)::geography)) as smallest
				 from c`
			)
		);
		expect(r.n).toBe(4000);
		expect(r.nearest).toBeGreaterThanOrEqual(350);
		expect(r.farthest).toBeLessThan(850);
		// the published point is the centre of a 0.0125° × 0.01° cell (of one of two grids) that holds the place
		expect(r.outside).toBe(0);
		expect(r.offGrid).toBe(0);
		expect(r.smallest).toBeGreaterThan(1_000_000);
	});

	it('the venue name is public only for exact; a 窓口のみ place has no access note and is named by its 地区, never its 自治会', async () => {
		const [nb] = await db.system((tx) =>
			tx.query<{ id: string; district: string }>(
				`select nb.id, d.id as district from public.areas nb join public.areas s on s.id = nb.parent_id
				 join public.areas d on d.id = s.parent_id where nb.kind = 'neighborhood' and d.kind = 'district' limit 1`
			)
		);
		const id = await newPlace('exact');
		const seen = async () =>
			(
				await db.as(ANON, (tx) =>
					tx.query<{ venue: string | null; area: string | null; access: string | null }>(
						`select public_venue_name as venue, public_area_id as area, public_access_note as access from public.places where id = $1`,
						[id]
					)
				)
			)[0];
		const set = (disclosure: string) =>
			db.as(user(USERS.moderator), (tx) =>
				tx.query(
					`update public.places set disclosure = $2, venue_name = '山田さん宅', access_note = '本町駅から徒歩3分', area_id = $3 where id = $1`,
					[id, disclosure, nb.id]
				)
			);
		await set('exact');
		expect(await seen()).toEqual({ venue: '山田さん宅', area: nb.id, access: '本町駅から徒歩3分' });
		await set('approximate');
		expect(await seen()).toEqual({ venue: null, area: nb.id, access: '本町駅から徒歩3分' });
		await set('contact_only');
		expect(await seen()).toEqual({ venue: null, area: nb.district, access: null });
		// the 自治会 moved straight under its 圏域: the place is named by that instead
		const [{ sphere }] = await db.system((tx) =>
			tx.query<{ sphere: string }>(`select id as sphere from public.areas where kind = 'sphere' limit 1`)
		);
		await db.system((tx) => tx.query(`update public.areas set parent_id = $2 where id = $1`, [nb.id, sphere]));
		expect(await seen()).toEqual({ venue: null, area: sphere, access: null });
	});
});
