/**
 * Issue 13: the retention job deletes what is past its time and nothing younger — sign-in
 * attempts, rate events, sent mail, spent or expired links, and the access log after the
 * municipality's setting (default 5 years, never under 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAccessLog } from '../../src/lib/server/participation/retention';
import { prunePlatform } from '../../src/lib/server/platform/retention';
import { openTestDb, sqlState, type TestDb } from './helpers';
import { TOWN_A, TOWN_B, buildWorld } from './world';

const NOW = new Date('2031-06-01T00:00:00Z');
/** marks this test's access-log rows among the world's */
const MARK = '0000a11c-0000-4000-8000-000000000001';
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
});
afterAll(() => db?.close());

const count = (sql: string) => db.system(async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0].n);

describe('the retention job', () => {
	it('prunes platform records past their time and keeps the younger ones', async () => {
		await db.system(async (tx) => {
			for (const [days, tag] of [
				[91, 'old'],
				[89, 'young']
			] as const) {
				await tx.query(`insert into private.sign_in_attempts (email, succeeded, attempted_at) values ($1, false, $2)`, [
					`${tag}@retention.example`,
					ago(days)
				]);
				await tx.query(`insert into private.mail_outbox (kind, to_address, subject, body, created_at) values ('test', $1, 's', 'b', $2)`, [
					`${tag}@retention.example`,
					ago(days)
				]);
			}
			await tx.query(`insert into private.rate_events (bucket, key_hash, at) values ('retention', 'old', $1), ('retention', 'young', $2)`, [
				ago(2),
				ago(0.5)
			]);
			// a link that expired 31 days ago goes; one spent 29 days ago and one still valid stay
			await tx.query(
				`insert into private.signed_links (purpose, subject_id, created_at, expires_at, used_at) values
				   ('freshness', gen_random_uuid(), $1, $2, null),
				   ('freshness', gen_random_uuid(), $3, $4, $5),
				   ('freshness', gen_random_uuid(), $6, $7, null)`,
				[ago(40), ago(31), ago(40), ago(-10), ago(29), ago(1), ago(-13)]
			);
		});
		const linksBefore = await count('private.signed_links');
		const pruned = await prunePlatform(db.driver, NOW);
		expect(pruned.signInAttempts).toBeGreaterThanOrEqual(1);
		expect(await count(`private.sign_in_attempts where email like '%@retention.example'`)).toBe(1);
		expect(await count(`private.sign_in_attempts where email = 'young@retention.example'`)).toBe(1);
		expect(await count(`private.mail_outbox where to_address = 'young@retention.example'`)).toBe(1);
		expect(await count(`private.mail_outbox where to_address = 'old@retention.example'`)).toBe(0);
		expect(await count(`private.rate_events where bucket = 'retention'`)).toBe(1);
		expect(await count(`private.rate_events where bucket = 'retention' and key_hash = 'young'`)).toBe(1);
		expect(pruned.signedLinks).toBeGreaterThanOrEqual(1);
		expect(await count('private.signed_links')).toBe(linksBefore - pruned.signedLinks);
		// a second run finds nothing more
		expect(Object.values(await prunePlatform(db.driver, NOW)).every((n) => n === 0)).toBe(true);
	});

	it('keeps the access log for the municipality’s years: 5 by default, as set otherwise', async () => {
		await db.system(async (tx) => {
			await tx.query(`update public.municipalities set access_log_retention_years = 3 where id = $1`, [TOWN_B]);
			for (const town of [TOWN_A, TOWN_B])
				for (const years of [2.9, 3.1, 4.9, 5.1])
					await tx.query(
						`insert into casework.access_log (municipality_id, actor_kind, action, record_type, record_id, at) values ($1, 'system', 'view', 'numbers', '${MARK}', $2)`,
						[town, ago(Math.round(years * 365.25))]
					);
		});
		const old = (town: string) => count(`casework.access_log where municipality_id = '${town}' and record_id = '${MARK}'`);
		expect([await old(TOWN_A), await old(TOWN_B)]).toEqual([4, 4]);
		expect(await pruneAccessLog(db.driver, NOW)).toBeGreaterThanOrEqual(3);
		expect([await old(TOWN_A), await old(TOWN_B)]).toEqual([3, 1]);
	});

	it('refuses a retention under 3 years', async () => {
		expect(
			await sqlState(() =>
				db.system((tx) => tx.query(`update public.municipalities set access_log_retention_years = 2 where id = $1`, [TOWN_A]))
			)
		).toBe('23514');
	});
});
