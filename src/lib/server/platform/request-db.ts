/**
 * `locals.db`: one transaction under the request's claims (withClaims), and — when the database
 * fails in passing (see db/faults.ts) — a 503 with a calm Japanese "try again", never a 500.
 * The transaction rolled back, so nothing of a half-done save remains to repeat or to mend.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { withClaims, type Claims, type Driver, type Tx } from './db/index';
import { transientKind } from './db/faults';

export function requestDb(driver: Driver, claims: Claims, statementTimeoutMs?: number): App.Locals['db'] {
	return <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
		withClaims(driver, claims, fn, statementTimeoutMs).catch((e: unknown) => {
			const kind = transientKind(e);
			if (kind === 'timeout') error(503, m.error_db_timeout());
			if (kind === 'unavailable') error(503, m.error_db_unavailable());
			throw e;
		});
}
