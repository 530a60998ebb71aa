/**
 * Issue 14: `npm run doctor` reports, in Japanese and English, what is unsafe in a target
 * database. A migrated database is clean; each hole made here by hand is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_EXTENSIONS, diagnose, doctorReport } from '../../src/lib/server/platform/db/doctor';
import { onSupabase, openTestDb, type TestDb } from './helpers';

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

describe('npm run doctor', () => {
	it('finds nothing unsafe in a migrated database (on Supabase, asks to confirm the Data API is off)', async () => {
		const findings = await db.system(diagnose);
		expect(findings.filter((f) => f.level === 'unsafe')).toEqual([]);
		expect(findings.filter((f) => f.level === 'confirm').map((f) => f.check)).toEqual(onSupabase ? ['data_api'] : []);
		const report = doctorReport({ reachable: true, findings, pending: [] });
		expect(report).toContain('危険な設定は見つかりませんでした。 / Nothing unsafe found.');
	});

	it('names each hole: a table without forced RLS, a grant beyond the policies, TRUNCATE, a function for anon, a missing extension', async () => {
		await db.system(async (tx) => {
			await tx.exec(`
				alter table public.areas no force row level security;
				grant insert on public.places to anon;
				grant truncate on public.organizations to authenticated;
				grant execute on function private.place_is_editable(uuid) to anon;`);
		});
		// an extension cannot be dropped by postgres on Supabase; ask for one this database lacks
		const findings = (await db.system((tx) => diagnose(tx, [...REQUIRED_EXTENSIONS, 'postgis_topology']))).filter(
			(f) => f.level === 'unsafe'
		);
		expect(findings.map((f) => `${f.check}: ${f.subject}`)).toEqual([
			'rls_not_forced: public.areas',
			'grant_never_needed: public.organizations authenticated TRUNCATE',
			'grant_without_policy: public.places anon INSERT',
			'anon_function: private.place_is_editable',
			'missing_extension: postgis_topology'
		]);
		const report = doctorReport({ reachable: true, findings, pending: ['29991231000000'] });
		expect(report).toContain('[要対応 / unsafe] 行レベルセキュリティ(RLS)が有効かつ強制になっていない表があります / A table does not have');
		expect(report).toContain('    public.places anon INSERT');
		expect(report).toContain('未適用のマイグレーションがあります / Migrations are not applied yet');
		expect(report).not.toContain('Nothing unsafe found');
	});

	it('an unreachable database is said so, and nothing else', () => {
		expect(doctorReport({ reachable: false, findings: [], pending: [] })).toBe(
			'データベースの点検 / Database check\n[要対応 / unsafe] データベースに接続できません / The database cannot be reached'
		);
	});
});
