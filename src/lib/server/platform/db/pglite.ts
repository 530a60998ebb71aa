import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { postgis } from '@electric-sql/pglite-postgis';
import { TYPE_PARSERS } from './parsers';
import type { Driver, Tx } from './types';

function wrap(tx: Transaction): Tx {
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			return (await tx.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await tx.exec(sql);
		}
	};
}

/**
 * The embedded database. PGlite always connects as a superuser, so after opening we make
 * `anon` the session's role: a query that skipped withClaims sees only public rows.
 */
export async function openPglite(dataDir: string): Promise<Driver> {
	if (dataDir !== 'memory://') fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
	const db = await PGlite.create(dataDir, { extensions: { postgis, pg_trgm, pgcrypto }, parsers: TYPE_PARSERS });
	await db.exec(`set search_path to public, extensions`);

	const lockDown = async () => {
		const [{ exists }] = (await db.query<{ exists: boolean }>(`select exists (select from pg_roles where rolname = 'anon')`)).rows;
		if (exists) await db.exec('set role anon');
	};
	await lockDown();

	return {
		kind: 'pglite',
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
		async ownerTransaction(fn) {
			const result = await db.transaction(async (tx) => {
				await tx.exec('set local role postgres');
				return fn(wrap(tx));
			});
			// Migrations may have just created the roles.
			await lockDown();
			return result;
		},
		close: () => db.close()
	};
}
