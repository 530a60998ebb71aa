/** Issue 13: /readyz is ready only when the database answers and every migration on disk is applied. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrations, readMigrations } from '../../src/lib/server/platform/db/migrate';
import { readiness } from '../../src/lib/server/platform/health';
import type { Driver } from '../../src/lib/server/platform/db/index';
import { openTestDb, type TestDb } from './helpers';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

describe('readiness', () => {
	it('a migrated database is ready, with nothing pending', async () => {
		expect(await pendingMigrations(db.driver)).toEqual([]);
		expect(await readiness(db.driver)).toEqual({ ready: true, checks: { database: 'ok', migrations: 'current' } });
	});

	it('a migration on disk the database has not applied makes it not ready', async () => {
		const ahead = [...readMigrations(), { version: '29991231000000', name: 'not_yet', sql: 'select 1' }];
		expect(await pendingMigrations(db.driver, ahead)).toEqual(['29991231000000']);
		expect(await readiness(db.driver, ahead)).toEqual({ ready: false, checks: { database: 'ok', migrations: 'pending' } });
	});

	it('a database that does not answer is unreachable, and the answer names no error text', async () => {
		const refuse = () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
		const broken: Driver = { kind: 'postgres', transaction: refuse, ownerTransaction: refuse, close: async () => {} };
		const r = await readiness(broken);
		expect(r).toEqual({ ready: false, checks: { database: 'unreachable', migrations: 'unknown' } });
		expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|5432/);
	});
});
