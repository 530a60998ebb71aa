/**
 * Our own schema lints (small catalog queries, most of them shared with `npm run doctor`), so a new table, view or function cannot
 * quietly skip the rules of ARCHITECTURE §6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ACCOMMODATIONS,
	AREA_KINDS,
	CATEGORIES,
	DISCLOSURE_LEVELS,
	HOLIDAY_POLICIES,
	MEMBERSHIP_ROLES,
	OPENING_STATUSES,
	OPENING_VISIBILITIES,
	ORGANIZATION_KINDS,
	PLACE_STATUSES,
	TARGET_GROUPS,
	VENUE_TYPES
} from '../../src/lib/domain/shared/taxonomy';
import {
	anonFunctions,
	apiGrants,
	grantsNeverNeeded,
	grantsWithoutPolicy,
	publicFunctions,
	tablesWithoutForcedRls
} from '../../src/lib/server/platform/db/doctor';
import { onSupabase, openTestDb, type TestDb } from './helpers';

/** Schemas holding application data (extensions and catalogs are not ours). */
const APP_SCHEMAS = `('public', 'private', 'auth', 'casework', 'supabase_migrations')`;

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

const q = <T>(sql: string) => db.system((tx) => tx.query<T>(sql));

describe('schema lints', () => {
	it('every table has row level security enabled and forced', async () => {
		const [{ n }] = await q<{ n: number }>(`
			select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and n.nspname in ${APP_SCHEMAS}`);
		expect(n).toBeGreaterThan(10);
		expect(await db.system(tablesWithoutForcedRls)).toEqual([]);
	});

	it('the migrations bookkeeping table is out of reach of anon and authenticated', async () => {
		const rows = await q<{ grantee: string }>(`
			select grantee from information_schema.role_table_grants
			where table_schema = 'supabase_migrations' and grantee in ('anon', 'authenticated', 'tsunagari_app')`);
		expect(rows).toEqual([]);
	});

	it('no view bypasses RLS: every view is security_invoker', async () => {
		const rows = await q<{ name: string }>(`
			select n.nspname || '.' || c.relname as name
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('v', 'm') and n.nspname in ${APP_SCHEMAS}
			  and not coalesce(c.reloptions @> array['security_invoker=true'] or c.reloptions @> array['security_invoker=on'], false)`);
		expect(rows.map((r) => r.name)).toEqual([]);
	});

	it('anon can execute only the functions meant for it', async () => {
		expect(await db.system(anonFunctions)).toEqual([
			// GoTrue's helpers (Supabase also has auth.email; baseline.sql does not need it)
			...(onSupabase ? ['auth.email'] : []),
			'auth.jwt',
			'auth.role',
			'auth.uid',
			// issue 4: residents send 「情報提供」 without an account; this security definer function is
			// their only write (rate limited inside, one row per form id) — anon has no table grant.
			// issue 10: a search that found nothing adds one to its keyword's count (folded, bounded,
			// no digits or @, at most 500 keywords per town and day) — anon has no grant on the table.
			'public.count_search_miss',
			'public.submit_suggestion'
		]);
	});

	it('anon has no privilege on the private and casework schemas and no write privilege anywhere', async () => {
		const [{ usage, casework }] = await q<{ usage: boolean; casework: boolean }>(
			`select has_schema_privilege('anon', 'private', 'usage') as usage, has_schema_privilege('anon', 'casework', 'usage') as casework`
		);
		expect(usage).toBe(false);
		expect(casework).toBe(false);
		const writes = await q<{ t: string }>(`
			select table_schema || '.' || table_name || ':' || privilege_type as t from information_schema.role_table_grants
			where grantee = 'anon' and privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')`);
		expect(writes).toEqual([]);
		const caseworkGrants = await q<{ t: string }>(`
			select table_name || ':' || privilege_type as t from information_schema.role_table_grants
			where grantee = 'anon' and table_schema = 'casework'`);
		expect(caseworkGrants).toEqual([]);
	});

	// issue 14: Supabase's default privileges grant anon and authenticated ALL on what is created
	// in public; a grant must be one a policy of that role uses, and some are never needed.
	it('anon and authenticated hold only privileges their policies use, and never TRUNCATE, REFERENCES or TRIGGER', async () => {
		expect((await db.system(apiGrants)).length).toBeGreaterThan(20);
		expect(await db.system(grantsNeverNeeded)).toEqual([]);
		expect(await db.system(grantsWithoutPolicy)).toEqual([]);
	});

	it('no function of ours is executable by PUBLIC', async () => {
		expect(await db.system(publicFunctions)).toEqual([]);
	});

	it('the auth tables are out of reach of anon and authenticated', async () => {
		const rows = await q<{ t: string }>(`
			select table_name || ':' || grantee || ':' || privilege_type as t from information_schema.role_table_grants
			where table_schema = 'auth' and grantee in ('anon', 'authenticated', 'PUBLIC')`);
		expect(rows).toEqual([]);
	});

	it('security definer functions pin their search_path', async () => {
		const rows = await q<{ name: string }>(`
			select n.nspname || '.' || p.proname as name
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname in ${APP_SCHEMAS} and p.prosecdef
			  and not exists (select from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`);
		expect(rows.map((r) => r.name)).toEqual([]);
	});

	it('every policy names its roles and wraps auth calls in a subselect', async () => {
		const rows = await q<{ name: string; roles: string[]; expr: string }>(`
			select schemaname || '.' || tablename || ': ' || policyname as name, roles::text[] as roles,
			       coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
			from pg_policies where schemaname in ${APP_SCHEMAS}`);
		expect(rows.length).toBeGreaterThan(20);
		expect(rows.filter((r) => r.roles.includes('public')).map((r) => r.name)).toEqual([]);
		// pg_policies prints a wrapped call as "( SELECT auth.uid() AS uid)"
		const bare = rows.filter((r) => /(?<!SELECT )(auth\.(uid|jwt)|private\.user_\w+_ids)\(/.test(r.expr));
		expect(bare.map((r) => r.name)).toEqual([]);
	});

	it('every column a policy filters on is indexed', async () => {
		const rows = await q<{ col: string }>(`
			select n.nspname || '.' || c.relname || '.' || a.attname as col
			from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
			where c.relkind = 'r' and n.nspname in ('public', 'casework') and not a.attisdropped
			  and a.attname in ('municipality_id', 'organization_id', 'user_id', 'place_id', 'status')
			  and not exists (select from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)`);
		expect(rows.map((r) => r.col)).toEqual([]);
	});

	it('SQL enums and the domain taxonomy list the same codes in the same order', async () => {
		const enums = await q<{ name: string; labels: string[] }>(`
			select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
			from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
			where n.nspname = 'public' group by t.typname`);
		const byName = Object.fromEntries(enums.map((e) => [e.name, e.labels]));
		expect(byName).toMatchObject({
			category: [...CATEGORIES],
			target_group: [...TARGET_GROUPS],
			accommodation: [...ACCOMMODATIONS],
			venue_type: [...VENUE_TYPES],
			organization_kind: [...ORGANIZATION_KINDS],
			membership_role: [...MEMBERSHIP_ROLES],
			area_kind: [...AREA_KINDS],
			disclosure_level: [...DISCLOSURE_LEVELS],
			place_status: [...PLACE_STATUSES],
			opening_status: [...OPENING_STATUSES],
			opening_visibility: [...OPENING_VISIBILITIES],
			holiday_policy: [...HOLIDAY_POLICIES]
		});
	});
});
