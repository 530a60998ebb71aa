import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/platform/db/migrate';
import { withDatabase } from './config';
import { onPostgres, openTestDb, type TestDb } from './helpers';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

describe('migration runner', () => {
	it('records every migration file in supabase_migrations.schema_migrations, in order', async () => {
		const rows = await db.system((tx) =>
			tx.query<{ version: string; name: string }>('select version, name from supabase_migrations.schema_migrations order by version')
		);
		expect(rows.map((r) => `${r.version}_${r.name}`)).toEqual(readMigrations().map((m) => `${m.version}_${m.name}`));
	});

	it('applies cleanly a second time: nothing pending, baseline idempotent, data intact', async () => {
		const count = () => db.system(async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.places'))[0].n);
		const before = await count();
		expect(await migrate(db.driver)).toEqual([]);
		expect(await migrate(db.driver)).toEqual([]);
		expect(await count()).toBe(before);
	});

	it('rolls back a failing migration entirely and does not record it', async () => {
		const bad = { version: '99990101000000', name: 'broken', sql: 'create table public.half_done (id int); select 1/0;' };
		await expect(migrate(db.driver, [...readMigrations(), bad])).rejects.toThrow(/division by zero/);
		const [{ table, recorded }] = await db.system((tx) =>
			tx.query<{ table: string | null; recorded: boolean }>(
				`select to_regclass('public.half_done')::text as table,
				        exists (select from supabase_migrations.schema_migrations where version = '99990101000000') as recorded`
			)
		);
		expect(table).toBeNull();
		expect(recorded).toBe(false);
	});

	// issue 14: on Supabase the runner skips baseline.sql, and a fresh project enables only
	// pgcrypto and uuid-ossp, so the migrations must create the extensions they use.
	it('every extension baseline.sql creates is also created by a migration', () => {
		const created = (sql: string) =>
			[...sql.matchAll(/create extension if not exists ([a-z_"-]+) with schema extensions/g)].map((m) => m[1]);
		const fromBaseline = created(fs.readFileSync('src/lib/server/platform/db/baseline.sql', 'utf8'));
		const fromMigrations = new Set(readMigrations().flatMap((m) => created(m.sql)));
		expect(fromBaseline.length).toBeGreaterThan(0);
		expect(fromBaseline.filter((e) => !fromMigrations.has(e))).toEqual([]);
	});

	// issue 14: what a Supabase user pushes with `supabase config push`
	it('supabase/config.toml keeps the Data API off, TOTP on and the photo bucket private', () => {
		const toml = fs.readFileSync('supabase/config.toml', 'utf8');
		const section = (name: string) => toml.split(/^\[/m).find((s) => s.startsWith(`${name}]`)) ?? '';
		expect(section('api')).toMatch(/^enabled = false$/m);
		expect(section('auth.mfa.totp')).toMatch(/^enroll_enabled = true$/m);
		expect(section('auth.mfa.totp')).toMatch(/^verify_enabled = true$/m);
		expect(section('storage.buckets.place-photos')).toMatch(/^public = false$/m);
	});

	// PGlite loads its extensions into one embedded database: there is no second database to create
	if (onPostgres)
		it('the migrations apply to a database that has no postgis and no pg_trgm yet', async () => {
			const url = inject('postgresTemplate');
			const name = `no_ext_${process.pid}_${Date.now()}`;
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(`create database ${name}`);
			const client = new pg.Client({ connectionString: withDatabase(url, name) });
			try {
				await client.connect();
				// What Supabase provides, minus the extensions it does not enable by default.
				const baseline = fs
					.readFileSync('src/lib/server/platform/db/baseline.sql', 'utf8')
					.replace(/^create extension if not exists (postgis|pg_trgm) .*$/gm, '');
				await client.query(baseline);
				await client.query('drop extension if exists postgis; drop extension if exists pg_trgm');
				for (const m of readMigrations()) await client.query(m.sql);
				const { rows } = await client.query<{ extname: string; schema: string }>(
					`select extname, extnamespace::regnamespace::text as schema from pg_extension
				 where extname in ('postgis', 'pg_trgm', 'pgcrypto') order by 1`
				);
				expect(rows).toEqual([
					{ extname: 'pg_trgm', schema: 'extensions' },
					{ extname: 'pgcrypto', schema: 'extensions' },
					{ extname: 'postgis', schema: 'extensions' }
				]);
			} finally {
				await client.end();
				await admin.query(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		});
});
