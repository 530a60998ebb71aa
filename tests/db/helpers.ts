/**
 * A database per test file, and the ways to act on it exactly as production does:
 * `as(actor)` is withClaims — the same `set local role` + claims — so tests walk the real path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { withClaims, type Claims, type Driver, type Tx } from '../../src/lib/server/platform/db/index';
import { openPglite } from '../../src/lib/server/platform/db/pglite';
import { openPostgres } from '../../src/lib/server/platform/db/postgres';
import { asSystem } from '../../src/lib/server/platform/db/system';
import { TEMPLATE_DB, withDatabase, withUser } from './config';

/** A PostgreSQL server: plain, or shaped like a Supabase project's database. */
export const onPostgres = process.env.TEST_DB === 'postgres' || process.env.TEST_DB === 'supabase';
/** The Supabase-shaped database: the schema belongs to postgres, which is not a superuser. */
export const onSupabase = process.env.TEST_DB === 'supabase';

export interface TestDb {
	driver: Driver;
	/** the login role's raw connection URL (PostgreSQL only), for fail-closed tests */
	appUrl?: string;
	/** the owning role's URL (PostgreSQL only), for pg_dump and psql */
	ownerUrl?: string;
	as<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T>;
	system<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
	let driver: Driver;
	let cleanup: () => Promise<void>;
	let appUrl: string | undefined;
	let ownerUrl: string | undefined;
	if (onPostgres) {
		const url = inject('postgresTemplate');
		const name = `t_${crypto.randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`create database ${name} template ${TEMPLATE_DB}${onSupabase ? ' owner postgres' : ''}`);
		await admin.end();
		ownerUrl = onSupabase ? withUser(withDatabase(url, name), 'postgres') : withDatabase(url, name);
		appUrl = withUser(ownerUrl, 'tsunagari_app');
		driver = openPostgres(appUrl, ownerUrl);
		cleanup = async () => {
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			// The pools have ended, but their backends may still be saying goodbye; a forced drop
			// would kill them mid-way and the client would report it as an uncaught error.
			for (let i = 0; i < 50; i++) {
				const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
				if (rows[0].n === 0) break;
				await new Promise((r) => setTimeout(r, 100));
			}
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		};
	} else {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagari-db-'));
		fs.cpSync(inject('pgliteTemplate'), path.join(dir, 'pgdata'), { recursive: true });
		driver = await openPglite(path.join(dir, 'pgdata'));
		cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
	}
	return {
		driver,
		appUrl,
		ownerUrl,
		as: (claims, fn) => withClaims(driver, claims, fn),
		system: (fn) => asSystem(driver, fn),
		async close() {
			await driver.close();
			await cleanup();
		}
	};
}

/** Claims for a signed-in user, as the session adapters produce them. */
export function user(id: string, aal: 'aal1' | 'aal2' = 'aal1'): Claims {
	return { sub: id, role: 'authenticated', aal, session_id: crypto.randomUUID() };
}

/** The SQLSTATE of a failed statement, or null when it succeeded. */
export async function sqlState(run: () => Promise<unknown>): Promise<string | null> {
	try {
		await run();
		return null;
	} catch (error) {
		return (error as { code?: string }).code ?? 'no-code';
	}
}

/**
 * A load, action or endpoint event as SvelteKit hands it to a route module, with `locals` as the
 * session hook leaves them: tests call route handlers directly on the real database through it.
 */
export function routeEvent(
	locals: App.Locals,
	path: string,
	{ method = 'GET', params = {} }: { method?: 'GET' | 'POST'; params?: Record<string, string> } = {}
) {
	const url = new URL(`http://localhost${path}`);
	return {
		locals,
		url,
		request: new Request(url, method === 'POST' ? { method, body: new FormData() } : { method }),
		params,
		route: { id: path },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		setHeaders() {},
		getClientAddress: () => '127.0.0.1',
		fetch
	};
}

/** `locals` for a request under these claims, as the session hook makes them (withClaims). */
export function requestLocals(db: TestDb, claims: Claims): App.Locals {
	return { claims, requestId: 'test', db: <T>(fn: (tx: Tx) => Promise<T>) => withClaims(db.driver, claims, fn) } as App.Locals;
}
