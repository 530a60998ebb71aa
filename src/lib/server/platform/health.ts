/**
 * Health for the people who run the service: `/healthz` says the process answers, `/readyz` that
 * the database is reachable and its migrations current. Neither names a version, a host or an
 * error text: an operator reads the structured log for that.
 */
import type { Driver } from './db/index';
import { pendingMigrations, readMigrations, type Migration } from './db/migrate';

export interface Readiness {
	ready: boolean;
	checks: { database: 'ok' | 'unreachable'; migrations: 'current' | 'pending' | 'unknown' };
}

export async function readiness(driver: Driver | null, migrations: Migration[] = readMigrations()): Promise<Readiness> {
	if (driver === null) return { ready: false, checks: { database: 'unreachable', migrations: 'unknown' } };
	try {
		// the fail-closed connection: `select 1` needs no privilege
		await driver.transaction((tx) => tx.query('select 1'));
	} catch {
		return { ready: false, checks: { database: 'unreachable', migrations: 'unknown' } };
	}
	try {
		const pending = await pendingMigrations(driver, migrations);
		const state = pending.length === 0 ? 'current' : 'pending';
		return { ready: state === 'current', checks: { database: 'ok', migrations: state } };
	} catch {
		return { ready: false, checks: { database: 'ok', migrations: 'unknown' } };
	}
}
