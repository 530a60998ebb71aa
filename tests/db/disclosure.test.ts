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

	it('approximate: a grid-cell centre, stable, never the exact point; the address stops at 丁目', async () => {
		const id = await newPlace('approximate');
		const first = await asPublic(id);
		expect(first.metres).toBeGreaterThan(10);
		expect(first.metres).toBeLessThan(400);
		expect(first.address).toBe('静岡県ひだまり市本町2丁目');
		// moving the exact point within the same cell does not move the public one
		await db.as(user(USERS.moderator), (tx) =>
			tx.query(`update public.place_locations set location = st_setsrid(st_makepoint($2, $3), 4326)::geography where place_id = $1`, [
				id,
				EXACT.lon + 0.0004,
				EXACT.lat + 0.0003
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
		expect(seen.metres).toBeGreaterThan(10);
		expect(seen.address).toBe('静岡県ひだまり市本町2丁目');
	});
});
