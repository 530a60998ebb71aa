/**
 * ARCHITECTURE §6 rules 1–2: a query that forgot the role switch cannot see private data,
 * and claims never outlive their transaction.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANON } from '../../src/lib/server/platform/db/index';
import { onPostgres, openTestDb, sqlState, user, type TestDb } from './helpers';
import { USERS, buildWorld } from './world';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
});
afterAll(() => db?.close());

describe('the one transaction wrapper', () => {
	it('runs as the role of the claims, with the claims, inside a transaction', async () => {
		const row = await db.as(
			user(USERS.volunteer),
			async (tx) => (await tx.query<{ who: string; uid: string }>(`select current_user as who, auth.uid()::text as uid`))[0]
		);
		expect(row).toMatchObject({ who: 'authenticated', uid: USERS.volunteer });
		const anon = await db.as(ANON, async (tx) => (await tx.query<{ who: string }>('select current_user as who'))[0].who);
		expect(anon).toBe('anon');
	});

	it('leaves no role and no claims behind for the next transaction on the connection', async () => {
		await db.as(user(USERS.moderator), (tx) => tx.query('select 1'));
		const after = await db.driver.transaction(
			async (tx) =>
				(
					await tx.query<{ who: string; claims: string | null }>(
						`select current_user as who, nullif(current_setting('request.jwt.claims', true), '') as claims`
					)
				)[0]
		);
		expect(after.claims).toBeNull();
		expect(after.who).not.toBe('authenticated');
	});

	it('rolls the role back when the work inside fails', async () => {
		await expect(db.as(user(USERS.moderator), (tx) => tx.query('select 1/0'))).rejects.toThrow();
		const who = await db.driver.transaction(async (tx) => (await tx.query<{ who: string }>('select current_user as who'))[0].who);
		expect(who).not.toBe('authenticated');
	});

	it('refuses claims with an unknown role instead of running them', async () => {
		await expect(db.as({ sub: USERS.moderator, role: 'service_role' as 'anon' }, (tx) => tx.query('select 1'))).rejects.toThrow(
			/unknown role/
		);
	});
});

describe('a query that skipped the role switch', () => {
	if (onPostgres) {
		it('is refused on PostgreSQL: the login role has no table privileges of its own', async () => {
			const client = new pg.Client({ connectionString: db.appUrl });
			await client.connect();
			try {
				const who = (await client.query('select current_user as who, session_user as login')).rows[0];
				expect(who).toEqual({ who: 'tsunagari_app', login: 'tsunagari_app' });
				for (const table of ['public.places', 'public.memberships', 'auth.users', 'public.municipalities']) {
					const state = await sqlState(() => client.query(`select count(*) from ${table}`));
					expect(state, table).toBe('42501');
				}
			} finally {
				await client.end();
			}
		});
	} else {
		it('on PGlite runs as anon and sees only public rows', async () => {
			const result = await db.driver.transaction(async (tx) => ({
				who: (await tx.query<{ who: string }>('select current_user as who'))[0].who,
				statuses: (await tx.query<{ status: string }>('select distinct status::text from public.places')).map((r) => r.status),
				memberships: await sqlState(() => tx.query('select 1 from public.memberships'))
			}));
			expect(result.who).toBe('anon');
			expect(result.statuses).toEqual(['published']);
			expect(result.memberships).toBe('42501');
		});
	}
});

describe('what anon can never read', () => {
	it('no unpublished place, no membership, no auth.users row, no exact location', async () => {
		const unpublished = await db.system(
			async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n from public.places where status <> 'published'`))[0].n
		);
		expect(unpublished).toBeGreaterThan(0);
		const seen = await db.as(
			ANON,
			async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n from public.places where status <> 'published'`))[0].n
		);
		expect(seen).toBe(0);
		for (const table of ['public.memberships', 'auth.users', 'auth.sessions', 'auth.mfa_factors', 'public.place_locations']) {
			const state = await sqlState(() => db.as(ANON, (tx) => tx.query(`select * from ${table} limit 1`)));
			expect(state, table).toBe('42501');
		}
	});
});
