/** Issue 13: limits that protect the server — no statement of a request runs unbounded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANON, STATEMENT_TIMEOUT_MS, withClaims } from '../../src/lib/server/platform/db/index';
import { onPostgres, openTestDb, sqlState, type TestDb } from './helpers';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

const setting = (tx: { query: <T>(sql: string) => Promise<T[]> }) =>
	tx.query<{ s: string }>(`select current_setting('statement_timeout') as s`).then((r) => r[0].s);

describe('statement timeout per request', () => {
	it('every request transaction carries it (15 s unless set), and it ends with the transaction', async () => {
		expect(STATEMENT_TIMEOUT_MS).toBe(15_000);
		expect(await withClaims(db.driver, ANON, setting)).toBe('15s');
		expect(await withClaims(db.driver, ANON, setting, 1500)).toBe('1500ms');
		expect(await db.driver.transaction(setting)).not.toMatch(/^(15s|1500ms)$/);
	});

	// PGlite is one backend in this process: nothing can interrupt its query (measured: pg_sleep(1)
	// under a 200 ms timeout runs to its end), so the cancellation is proven on PostgreSQL.
	if (onPostgres)
		it('a statement running past it is cancelled (57014) and the transaction rolls back', async () => {
			expect(await sqlState(() => withClaims(db.driver, ANON, (tx) => tx.query('select pg_sleep(2)'), 200))).toBe('57014');
		});
});
