import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Claims, Driver, Tx } from './types';

export type { Claims, Driver, Tx } from './types';
export { ANON } from './types';

export interface DbConfig {
	/** the app's login (tsunagari_app); unset → embedded PGlite */
	databaseUrl?: string;
	/** the owning role, for migrations and seeding; defaults to databaseUrl */
	adminUrl?: string;
	/** PGlite data directory */
	dataDir: string;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		adminUrl: env.DATABASE_ADMIN_URL || undefined,
		dataDir: env.PGLITE_DATA_DIR || './.data/pglite'
	};
}

export async function openDriver(config: DbConfig): Promise<Driver> {
	if (config.databaseUrl) return openPostgres(config.databaseUrl, config.adminUrl ?? config.databaseUrl);
	return openPglite(config.dataDir);
}

/**
 * The one data path: a transaction that first becomes `anon` or `authenticated` and carries
 * the caller's claims, so every statement inside is decided by RLS.
 * `set_config(…, true)` is `set local`: it ends with the transaction and cannot leak into the
 * next caller on a pooled connection.
 */
/** No statement of a request runs longer than this (STATEMENT_TIMEOUT_MS, default 15 s): a slow
 * query answers with an error instead of holding a connection and the user. */
export const STATEMENT_TIMEOUT_MS = Number(process.env.STATEMENT_TIMEOUT_MS) > 0 ? Number(process.env.STATEMENT_TIMEOUT_MS) : 15_000;

export async function withClaims<T>(
	driver: Driver,
	claims: Claims,
	fn: (tx: Tx) => Promise<T>,
	statementTimeoutMs = STATEMENT_TIMEOUT_MS
): Promise<T> {
	if (claims.role !== 'anon' && claims.role !== 'authenticated') throw new Error(`unknown role ${String(claims.role)}`);
	if (claims.role === 'authenticated' && !claims.sub) throw new Error('authenticated claims need a subject');
	const jwt = {
		sub: claims.sub ?? undefined,
		role: claims.role,
		email: claims.email,
		aal: claims.aal ?? 'aal1',
		session_id: claims.session_id
	};
	return driver.transaction(async (tx) => {
		await tx.query(
			`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
			        set_config('search_path', 'public, extensions', true), set_config('statement_timeout', $3, true)`,
			[claims.role, JSON.stringify(jwt), `${Math.round(statementTimeoutMs)}ms`]
		);
		return fn(tx);
	});
}
