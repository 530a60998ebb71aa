import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/platform/db/migrate';
import { openTestDb, type TestDb } from './helpers';

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
});
