/**
 * What is unsafe in a database we run on: catalog queries that `npm run doctor` runs against any
 * target (embedded, PostgreSQL, a Supabase project) and the schema lints run in the test suite.
 * Each check returns the objects it found; none returns a row's data.
 */
import { m } from '../../../paraglide/messages';
import type { Tx } from './types';

/** The schemas our migrations create objects in. */
const OWN_SCHEMAS = `('public', 'private', 'casework')`;
/** Where our data lives, including auth where baseline.sql made it ours (GoTrue owns it on Supabase). */
const DATA_SCHEMAS = `('public', 'private', 'auth', 'casework', 'supabase_migrations')`;

/** The only functions anon may call: GoTrue's claim helpers, the resident's 「情報提供」 and the zero-result count. */
export const ANON_FUNCTIONS = ['auth.email', 'auth.jwt', 'auth.role', 'auth.uid', 'public.submit_suggestion', 'public.count_search_miss'];
/** Extensions the migrations need, in Supabase's `extensions` schema. */
export const REQUIRED_EXTENSIONS = ['pg_trgm', 'pgcrypto', 'postgis'];

export const DOCTOR_CHECKS = [
	'rls_not_forced',
	'grant_never_needed',
	'grant_without_policy',
	'anon_function',
	'public_function',
	'anon_schema',
	'missing_extension',
	'data_api'
] as const;
export type DoctorCheck = (typeof DOCTOR_CHECKS)[number];

export interface Finding {
	check: DoctorCheck;
	/** the table, function, schema or extension, e.g. `public.places anon INSERT` */
	subject: string;
	/** unsafe: fix it before going live; confirm: this database cannot tell, look at the project's settings */
	level: 'unsafe' | 'confirm';
}

const subjects = async (tx: Tx, sql: string): Promise<string[]> => (await tx.query<{ s: string }>(sql)).map((r) => r.s);

/** Tables without RLS enabled and forced (GoTrue's own tables and our migration ledger aside). */
export const tablesWithoutForcedRls = (tx: Tx) =>
	subjects(
		tx,
		`select n.nspname || '.' || c.relname as s
		 from pg_class c join pg_namespace n on n.oid = c.relnamespace
		 where c.relkind in ('r', 'p') and n.nspname in ${DATA_SCHEMAS}
		   and pg_get_userbyid(c.relowner) <> 'supabase_auth_admin'
		   and (n.nspname, c.relname) <> ('supabase_migrations', 'schema_migrations')
		   and not (c.relrowsecurity and c.relforcerowsecurity)
		 order by 1`
	);

interface Grant {
	subject: string;
	privilege: string;
	grantee: string;
	rls: boolean;
	policed: boolean;
}

/** Every privilege PUBLIC, anon or authenticated holds on our tables, views and columns, and whether a policy of theirs uses it. */
export const apiGrants = (tx: Tx) =>
	tx.query<Grant>(
		`with granted as (
		   select c.oid, n.nspname || '.' || c.relname as subject, c.relrowsecurity as rls, a.grantee, a.privilege_type as privilege
		   from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
		   where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname in ${OWN_SCHEMAS}
		   union
		   select c.oid, n.nspname || '.' || c.relname || '.' || att.attname, c.relrowsecurity, a.grantee, a.privilege_type
		   from pg_attribute att join pg_class c on c.oid = att.attrelid join pg_namespace n on n.oid = c.relnamespace,
		        aclexplode(att.attacl) a
		   where c.relkind in ('r', 'p') and n.nspname in ${OWN_SCHEMAS} and not att.attisdropped
		 )
		 select g.subject, g.privilege, g.rls,
		        case g.grantee when 0 then 'PUBLIC' else pg_get_userbyid(g.grantee) end as grantee,
		        exists (
		          select from pg_policy p
		          where p.polrelid = g.oid and (g.grantee = any (p.polroles) or 0 = any (p.polroles))
		            and p.polcmd in ('*', case g.privilege when 'SELECT' then 'r' when 'INSERT' then 'a'
		                                                   when 'UPDATE' then 'w' when 'DELETE' then 'd' end)
		        ) as policed
		 from granted g
		 where g.grantee = 0 or pg_get_userbyid(g.grantee) in ('anon', 'authenticated')
		 order by 1, 4, 2`
	);

const NEVER_NEEDED = ['TRUNCATE', 'REFERENCES', 'TRIGGER'];

/** Grants no request needs: to PUBLIC, TRUNCATE (RLS does not govern it), REFERENCES, TRIGGER; a view's writes; sequences for anon. */
export async function grantsNeverNeeded(tx: Tx): Promise<string[]> {
	const never = (await apiGrants(tx))
		.filter((g) => g.grantee === 'PUBLIC' || NEVER_NEEDED.includes(g.privilege) || (!g.rls && g.privilege !== 'SELECT'))
		.map((g) => `${g.subject} ${g.grantee} ${g.privilege}`);
	const sequences = await subjects(
		tx,
		`select n.nspname || '.' || c.relname || ' ' || case a.grantee when 0 then 'PUBLIC' else 'anon' end || ' ' || a.privilege_type as s
		 from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
		 where c.relkind = 'S' and n.nspname in ${OWN_SCHEMAS} and (a.grantee = 0 or pg_get_userbyid(a.grantee) = 'anon')
		 order by 1`
	);
	return [...never, ...sequences];
}

/** A table privilege that no policy of that role uses: RLS refuses every row, so the grant only widens what a bug could reach. */
export async function grantsWithoutPolicy(tx: Tx): Promise<string[]> {
	return (await apiGrants(tx))
		.filter((g) => g.rls && !g.policed && !NEVER_NEEDED.includes(g.privilege) && g.grantee !== 'PUBLIC')
		.map((g) => `${g.subject} ${g.grantee} ${g.privilege}`);
}

/** Functions anon may execute, in the schemas that hold our data. */
export const anonFunctions = (tx: Tx) =>
	subjects(
		tx,
		`select distinct n.nspname || '.' || p.proname as s
		 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		 where n.nspname in ${DATA_SCHEMAS} and has_function_privilege('anon', p.oid, 'execute')
		 order by 1`
	);

/** Our functions everyone may execute (a null ACL is the default one, which lets PUBLIC); an extension's functions are its own. */
export const publicFunctions = (tx: Tx) =>
	subjects(
		tx,
		`select n.nspname || '.' || p.proname as s
		 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		 where n.nspname in ${OWN_SCHEMAS}
		   and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
		   and (p.proacl is null or exists (select from aclexplode(p.proacl) a where a.grantee = 0))
		 order by 1`
	);

export async function diagnose(tx: Tx, required: string[] = REQUIRED_EXTENSIONS): Promise<Finding[]> {
	const found: Finding[] = [];
	const add = (check: DoctorCheck, list: string[], level: Finding['level'] = 'unsafe') =>
		found.push(...list.map((subject) => ({ check, subject, level })));
	add('rls_not_forced', await tablesWithoutForcedRls(tx));
	add('grant_never_needed', await grantsNeverNeeded(tx));
	add('grant_without_policy', await grantsWithoutPolicy(tx));
	add(
		'anon_function',
		(await anonFunctions(tx)).filter((f) => !ANON_FUNCTIONS.includes(f))
	);
	add('public_function', await publicFunctions(tx));
	add(
		'anon_schema',
		await subjects(
			tx,
			`select s from unnest(array['private', 'casework']) s
			 where exists (select from pg_namespace where nspname = s) and has_schema_privilege('anon', s, 'usage')`
		)
	);
	const installed = await subjects(
		tx,
		`select e.extname as s from pg_extension e join pg_namespace n on n.oid = e.extnamespace where n.nspname = 'extensions'`
	);
	add(
		'missing_extension',
		required.filter((e) => !installed.includes(e))
	);
	// PostgREST logs in as authenticator. Whether a project's Data API is on is a setting of the
	// project, not of its database: where the role exists, say so and ask.
	const [{ postgrest }] = await tx.query<{ postgrest: boolean }>(
		`select exists (select from pg_roles where rolname = 'authenticator') as postgrest`
	);
	if (postgrest) add('data_api', ['authenticator'], 'confirm');
	return found;
}

const CHECK_MESSAGE: Record<DoctorCheck, (inputs?: object, options?: { locale?: 'ja' | 'en' }) => string> = {
	rls_not_forced: m.doctor_rls_not_forced,
	grant_never_needed: m.doctor_grant_never_needed,
	grant_without_policy: m.doctor_grant_without_policy,
	anon_function: m.doctor_anon_function,
	public_function: m.doctor_public_function,
	anon_schema: m.doctor_anon_schema,
	missing_extension: m.doctor_missing_extension,
	data_api: m.doctor_data_api
};

export interface DoctorResult {
	reachable: boolean;
	findings: Finding[];
	pending: string[];
}

/** The report, each line in Japanese and then in English: operators of one town may read either. */
export function doctorReport({ reachable, findings, pending }: DoctorResult): string {
	const both = (say: (inputs?: object, options?: { locale?: 'ja' | 'en' }) => string) =>
		`${say({}, { locale: 'ja' })} / ${say({}, { locale: 'en' })}`;
	const lines = [both(m.doctor_title)];
	if (!reachable) return [...lines, `[${both(m.doctor_unsafe)}] ${both(m.doctor_unreachable)}`].join('\n');
	for (const check of DOCTOR_CHECKS) {
		const of = findings.filter((f) => f.check === check);
		if (of.length === 0) continue;
		const level = of[0].level === 'unsafe' ? m.doctor_unsafe : m.doctor_confirm;
		lines.push(`[${both(level)}] ${both(CHECK_MESSAGE[check])}`, ...of.map((f) => `    ${f.subject}`));
	}
	if (pending.length > 0) lines.push(`[${both(m.doctor_unsafe)}] ${both(m.doctor_pending_migrations)}`, ...pending.map((v) => `    ${v}`));
	if (!findings.some((f) => f.level === 'unsafe') && pending.length === 0) lines.push(both(m.doctor_ok));
	return lines.join('\n');
}
