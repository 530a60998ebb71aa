import fs from 'node:fs';
import path from 'node:path';
import { asSystem } from './system';
import type { Driver } from './types';

export interface Migration {
	version: string;
	name: string;
	sql: string;
}

/** supabase/migrations/YYYYMMDDHHMMSS_name.sql, in order. */
export function readMigrations(dir = path.resolve('supabase/migrations')): Migration[] {
	return fs
		.readdirSync(dir)
		.filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
		.sort()
		.map((file) => ({
			version: file.slice(0, 14),
			name: file.slice(15, -4),
			sql: fs.readFileSync(path.join(dir, file), 'utf8')
		}));
}

const BASELINE = path.resolve('src/lib/server/platform/db/baseline.sql');

/**
 * Applies the Supabase baseline where Supabase's own is absent, then every migration not yet
 * recorded in supabase_migrations.schema_migrations (the table the Supabase CLI uses), each in
 * its own transaction. Returns the versions applied.
 */
export async function migrate(driver: Driver, migrations = readMigrations()): Promise<string[]> {
	await asSystem(driver, async (tx) => {
		const [{ supabase }] = await tx.query<{ supabase: boolean }>(
			`select exists (select from pg_roles where rolname = 'supabase_admin') as supabase`
		);
		if (!supabase) await tx.exec(fs.readFileSync(BASELINE, 'utf8'));
		await tx.exec(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text
			);`);
	});
	const done = new Set(
		await asSystem(driver, async (tx) =>
			(await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version)
		)
	);
	const applied: string[] = [];
	for (const m of migrations) {
		if (done.has(m.version)) continue;
		await asSystem(driver, async (tx) => {
			await tx.exec(m.sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)', [
				m.version,
				[m.sql],
				m.name
			]);
		});
		applied.push(m.version);
	}
	return applied;
}

/** Migrations on disk that the database has not recorded (all of them when it has no record table). */
export async function pendingMigrations(driver: Driver, migrations = readMigrations()): Promise<string[]> {
	const done = await asSystem(driver, async (tx) => {
		const [{ exists }] = await tx.query<{ exists: boolean }>(
			`select to_regclass('supabase_migrations.schema_migrations') is not null as exists`
		);
		if (!exists) return new Set<string>();
		return new Set(
			(await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version)
		);
	});
	return migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
}
