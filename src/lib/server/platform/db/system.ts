/**
 * THE RLS-BYPASSING PATH. Every statement here runs as the schema owner.
 * Imported only by: the migration runner, the seed, the session adapters (which must read
 * auth.users and auth.sessions before there is a user to claim), background jobs, and the
 * readiness check (which migrations are recorded).
 * Never put this in `locals`, never call it from a route.
 */
import type { Driver, Tx } from './types';

export function asSystem<T>(driver: Driver, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return driver.ownerTransaction(fn);
}
