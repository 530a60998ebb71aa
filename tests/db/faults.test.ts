/**
 * Issue 13: what a user meets when the database fails in passing, on PostgreSQL. A server restart
 * or failover ends every backend with admin_shutdown (57P01), exactly what pg_terminate_backend
 * does to one: the save in flight rolls back whole, the user reads a Japanese "nothing was saved,
 * try again" (503), every acknowledged write is still there, and the next request works.
 * (PGlite runs in the process: it has no connection to lose, no pool and no way to cancel a
 * statement; its crash test is embedded-crash.test.ts.)
 */
import crypto from 'node:crypto';
import { isHttpError } from '@sveltejs/kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createParticipant } from '../../src/lib/server/participation/participants';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { openPostgres } from '../../src/lib/server/platform/db/postgres';
import { requestDb } from '../../src/lib/server/platform/request-db';
import { onPostgres, openTestDb, user, type TestDb } from './helpers';
import { PARTICIPANT_FORM, TOWN_A, USERS } from './world';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

/** The status and message a handler's error carries. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'saved';
	} catch (e) {
		if (isHttpError(e)) return `${e.status} ${e.body.message}`;
		throw e;
	}
}

const UNAVAILABLE = '503 いま一時的にデータベースにつながりません。保存はされていません。少し待ってから、もう一度お試しください。';
const coordinator = () => user(USERS.coordinator, 'aal2');
/** How many participants (with their names: a second table) a code has: a save is both or neither. */
const saved = async (code: string) =>
	(
		await db.system((tx) =>
			tx.query<{ n: number }>(
				`select (select count(*) from casework.participants p where p.code = $1)
				      + (select count(*) from casework.participant_names n join casework.participants p on p.id = n.participant_id where p.code = $1) as n`,
				[code]
			)
		)
	)[0].n;

/** What a restart does to each backend, done to one (by the cluster's superuser, as a restart is). */
async function terminate(pid: number) {
	const admin = new pg.Client({ connectionString: inject('postgresTemplate') });
	await admin.connect();
	await admin.query('select pg_terminate_backend($1)', [pid]);
	await admin.end();
}

/** A coordinator registers a participant: a row and its name, in one save. */
const register = (tx: Tx, code: string) => createParticipant(tx, TOWN_A, { ...PARTICIPANT_FORM, code });
const code = () => `F-${crypto.randomBytes(3).toString('hex')}`;

describe('faults on PostgreSQL', () => {
	if (onPostgres) {
		it('a connection lost in the middle of a save: a 503 in Japanese, nothing half-written, earlier saves kept, the next request works', async () => {
			const [acknowledged, half, after] = [code(), code(), code()];
			const ask = requestDb(db.driver, coordinator());
			await ask((tx) => register(tx, acknowledged));
			const outcome = await refusal(() =>
				ask(async (tx) => {
					await register(tx, half);
					const [{ pid }] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
					await terminate(pid);
					await tx.query('select 1');
				})
			);
			expect(outcome).toBe(UNAVAILABLE);
			expect(await saved(half)).toBe(0);
			expect(await saved(acknowledged)).toBe(2);
			await ask((tx) => register(tx, after));
			expect(await saved(after)).toBe(2);
		});

		it('every connection busy: a request that cannot get one in time is told to try again, and later ones are served', async () => {
			// waitMs also bounds opening a connection: long enough for a loaded machine to open two
			const small = openPostgres(db.appUrl!, db.ownerUrl!, { max: 2, waitMs: 1500 });
			try {
				const ask = requestDb(small, coordinator());
				const busy = [1, 2].map(() => ask((tx) => tx.query('select pg_sleep(4)')));
				expect(await refusal(() => ask((tx) => tx.query('select 1')))).toBe(UNAVAILABLE);
				await Promise.all(busy);
				expect(await ask((tx) => tx.query<{ one: number }>('select 1 as one'))).toEqual([{ one: 1 }]);
			} finally {
				await small.close();
			}
		});

		it('a statement past its timeout: a 503 saying it took too long and nothing was saved', async () => {
			const slow = code();
			const ask = requestDb(db.driver, coordinator(), 200);
			const outcome = await refusal(() =>
				ask(async (tx) => {
					await register(tx, slow);
					await tx.query('select pg_sleep(2)');
				})
			);
			expect(outcome).toBe('503 処理に時間がかかりすぎたため中止しました。保存はされていません。もう一度お試しください。');
			expect(await saved(slow)).toBe(0);
		});
	}

	it('a failure that is a bug is not dressed up as "try again"', async () => {
		const ask = requestDb(db.driver, coordinator());
		await expect(ask((tx) => tx.query('select 1/0'))).rejects.toMatchObject({ code: '22012' });
	});
});
