import pg from 'pg';
import { TYPE_PARSERS } from './parsers';
import type { Driver, Tx } from './types';

// Same value shapes as the PGlite driver (see parsers.ts).
const types = {
	getTypeParser(oid: number, format?: string) {
		return TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text');
	}
} as pg.CustomTypesConfig;

function wrap(client: pg.PoolClient): Tx {
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			return (await client.query(sql, params)).rows as T[];
		},
		async exec(sql: string) {
			await client.query(sql);
		}
	};
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>, setup = ''): Promise<T> {
	const client = await pool.connect();
	// A server that restarts or fails over ends this backend while we hold it: the client then
	// emits 'error' (unheard, it would crash the process) and must not go back to the pool.
	let broken: Error | undefined;
	const onError = (error: Error) => {
		broken = error;
	};
	client.on('error', onError);
	try {
		await client.query('begin' + setup);
		const result = await fn(wrap(client));
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.off('error', onError);
		client.release(broken);
	}
}

/**
 * A PostgreSQL server (Debian's, or Supabase through its pooler).
 * appUrl should log in as `tsunagari_app` (login noinherit, granted only anon and
 * authenticated); ownerUrl as the role that owns the schema, used for migrations and seeding.
 */
export interface PoolOptions {
	/** connections per process (PG_POOL_MAX, default 10): keep the sum over processes under the server's limit */
	max?: number;
	/** how long a request waits for a free connection before it is told to try again (PG_POOL_WAIT_MS, default 10 s) */
	waitMs?: number;
}

const positive = (v: string | undefined, fallback: number) => (Number(v) > 0 ? Number(v) : fallback);

export function openPostgres(
	appUrl: string,
	ownerUrl: string,
	{ max = positive(process.env.PG_POOL_MAX, 10), waitMs = positive(process.env.PG_POOL_WAIT_MS, 10_000) }: PoolOptions = {}
): Driver {
	// a full pool queues requests; past waitMs one is refused ("timeout exceeded when trying to
	// connect"), which the request path answers with a 503 "try again" instead of hanging
	const app = new pg.Pool({ connectionString: appUrl, max, connectionTimeoutMillis: waitMs, types });
	const owner = new pg.Pool({ connectionString: ownerUrl, max: 2, types });
	// An idle connection the server closes (a restart, a failover, `drop database … with (force)`)
	// is reported on the pool; unheard, it would crash the process. The pool replaces it.
	for (const pool of [app, owner]) pool.on('error', (error) => console.warn(`postgres: idle connection closed: ${error.message}`));
	return {
		kind: 'postgres',
		transaction: (fn) => inTransaction(app, fn),
		ownerTransaction: (fn) => inTransaction(owner, fn, '; set local search_path to public, extensions'),
		async close() {
			await Promise.all([app.end(), owner.end()]);
		}
	};
}
