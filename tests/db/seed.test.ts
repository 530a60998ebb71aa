/** The demo town is rich enough to demo and to test against. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, MEMBERSHIP_ROLES } from '../../src/lib/domain/shared/taxonomy';
import { onSupabase, openTestDb, type TestDb } from './helpers';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

const one = async <T>(sql: string) => (await db.system((tx) => tx.query<T>(sql)))[0];

describe('demo town ひだまり市', () => {
	it('has at least 150 published places covering every category', async () => {
		const rows = await db.system((tx) =>
			tx.query<{ category: string; n: number }>(
				`select category::text, count(*)::int as n from public.places where status = 'published' group by 1`
			)
		);
		expect(rows.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(150);
		expect(rows.map((r) => r.category).sort()).toEqual([...CATEGORIES].sort());
	});

	it('has at least three area layers nested as a tree, with boundaries', async () => {
		const { layers, orphans, without } = await one<{ layers: number; orphans: number; without: number }>(`
			select count(distinct kind)::int as layers,
			       count(*) filter (where kind <> 'sphere' and parent_id is null)::int as orphans,
			       count(*) filter (where boundary is null)::int as without
			from public.areas`);
		expect(layers).toBeGreaterThanOrEqual(3);
		expect(orphans).toBe(0);
		expect(without).toBe(0);
	});

	it('every published place lies inside the boundary of its area', async () => {
		const { outside } = await one<{ outside: number }>(`
			select count(*)::int as outside from public.places p
			join public.place_locations l on l.place_id = p.id join public.areas a on a.id = p.area_id
			where not st_covers(a.boundary, l.location)`);
		expect(outside).toBe(0);
	});

	it('has schedules, fees, 配慮 codes, every disclosure level and at least 30 openings', async () => {
		const stats = await one<Record<string, number>>(`
			select (select count(*)::int from public.openings) as openings,
			       (select count(distinct disclosure)::int from public.places) as disclosures,
			       (select count(*)::int from public.activities where rrule is null) as without_rule,
			       (select count(*)::int from public.places where status = 'published' and cardinality(accommodations) = 0) as without_codes,
			       (select count(distinct fee_yen)::int from public.places) as fees`);
		expect(stats.openings).toBeGreaterThanOrEqual(30);
		expect(stats.disclosures).toBe(3);
		expect(stats.without_rule).toBe(0);
		expect(stats.without_codes).toBe(0);
		expect(stats.fees).toBeGreaterThan(2);
	});

	it('has one demo user per role, each with a confirmed e-mail and a bcrypt password', async () => {
		const rows = await db.system((tx) =>
			tx.query<{ role: string; confirmed: boolean; bcrypt: boolean }>(
				`select m.role::text, u.email_confirmed_at is not null as confirmed, u.encrypted_password like '$2%' as bcrypt
				 from public.memberships m join auth.users u on u.id = m.user_id`
			)
		);
		expect(rows.map((r) => r.role).sort()).toEqual([...MEMBERSHIP_ROLES].sort());
		expect(rows.every((r) => r.confirmed && r.bcrypt)).toBe(true);
	});

	// issue 14: on a Supabase project the demo logins go through GoTrue, which needs more than we do
	if (onSupabase)
		it('each demo user is one GoTrue can sign in: an email identity, and no NULL in the token columns', async () => {
			const rows = await db.system((tx) =>
				tx.query<{ email: string; identity: boolean; tokens: boolean }>(
					`select u.email,
					        exists (select from auth.identities i where i.user_id = u.id and i.provider = 'email' and i.provider_id = u.id::text) as identity,
					        num_nulls(u.confirmation_token, u.recovery_token, u.email_change_token_new, u.email_change, u.instance_id, u.aud) = 0 as tokens
					 from auth.users u join public.memberships m on m.user_id = u.id`
				)
			);
			expect(rows.length).toBe(MEMBERSHIP_ROLES.length);
			expect(rows.filter((r) => !r.identity || !r.tokens).map((r) => r.email)).toEqual([]);
		});
});
