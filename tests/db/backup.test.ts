/**
 * Backup and restore (issue 13 item 1): the demo town with its 参加支援 casework goes out and comes
 * back row for row — per-table row counts and an md5 of every row, plus the sequence positions,
 * compared before and after. A file with a wrong key, no key or a changed byte is refused and the
 * database is left exactly as it was.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	BackupError,
	BACKUP_SCHEMAS,
	backupTables,
	openBackup,
	readBackupHeader,
	recordedMigrations,
	sealBackup
} from '../../src/lib/server/platform/db/backup';
import type { Driver, Tx } from '../../src/lib/server/platform/db/index';
import { requestBackup } from '../../src/lib/server/platform/db/live-backup';
import { dataDirHolder, openPglite } from '../../src/lib/server/platform/db/pglite';
import { openPostgres } from '../../src/lib/server/platform/db/postgres';
import { asSystem } from '../../src/lib/server/platform/db/system';
import { makeBackup, restoreFile, type BackupTarget } from '../../scripts/backup';
import { withDatabase } from './config';
import { onPostgres, onSupabase, openTestDb, type TestDb } from './helpers';

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table's row count and the md5 of all its rows (in text form, in a fixed order); every sequence's position. */
async function fingerprint(driver: Driver): Promise<Fingerprint> {
	return asSystem(driver, async (tx: Tx) => {
		await tx.exec(`set local timezone to 'UTC'`);
		const out: Fingerprint = {};
		for (const t of await backupTables(tx)) {
			const name = `"${t.schema}"."${t.name}"`;
			const [row] = await tx.query<{ rows: number; md5: string }>(
				`select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text collate "C"), '')) as md5 from ${name} x`
			);
			out[name] = row;
		}
		const seqs = await tx.query<{ name: string }>(
			`select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			  where c.relkind = 'S' and n.nspname = any ($1::text[])`,
			[[...BACKUP_SCHEMAS]]
		);
		for (const s of seqs) {
			const [row] = await tx.query<{ md5: string }>(`select md5(last_value::text || is_called::text) as md5 from ${s.name}`);
			out[s.name] = { rows: 1, md5: row.md5 };
		}
		return out;
	});
}

/** Changes rows in every area a restore must put back: places, casework, an account, a sequence. */
async function damage(driver: Driver) {
	await asSystem(driver, async (tx) => {
		await tx.exec(`set local session_replication_role = replica`);
		await tx.exec(`delete from casework.follow_ups`);
		await tx.exec(`update casework.participants set updated_at = updated_at + interval '1 day'`);
		await tx.exec(`update public.places set name = name || '（改）'`);
		await tx.exec(`delete from auth.users where email like 'volunteer@%'`);
		await tx.exec(`select setval('casework.access_log_id_seq', 999999)`);
	});
}

/** A fresh embedded database is initialised and migrated in these tests: slow on two shared cores. */
const HEAVY = 180_000;

const KEY = 'correct horse battery staple 2026';
const WRONG = 'incorrect horse battery staple 2026';

let db: TestDb;
let target: BackupTarget;
let before: Fingerprint;

beforeAll(async () => {
	db = await openTestDb();
	target = { driver: db.driver, adminUrl: db.ownerUrl };
	before = await fingerprint(db.driver);
});
afterAll(async () => {
	await db?.close();
});

// issue 13/14: on a Supabase project the project's own backups are the tool; ours says so
if (onSupabase)
	describe('on a Supabase project', () => {
		it('backup and restore are refused with where to go instead, and nothing changes', async () => {
			for (const format of ['portable', 'pg_dump'] as const)
				await expect(makeBackup(target, format, KEY)).rejects.toThrow(/Supabase project: use its own backups/);
			await expect(restoreFile(target, Buffer.from('tsunagari-backup 1\n'), { passphrase: KEY })).rejects.toThrow(
				/Supabase project: use its own backups/
			);
			expect(await fingerprint(db.driver)).toEqual(before);
		});
	});
else {
	describe('backup and restore', () => {
		it('the fingerprint covers the demo town and its casework', () => {
			for (const table of [
				'"public"."places"',
				'"public"."activity_occurrences"',
				'"casework"."participants"',
				'"casework"."placements"',
				'"casework"."follow_ups"',
				'"casework"."access_log"',
				'"auth"."users"'
			])
				expect(before[table]?.rows, table).toBeGreaterThan(0);
		});

		const formats = onPostgres ? (['pg_dump', 'portable'] as const) : (['portable'] as const);
		for (const format of formats) {
			it(`round-trips every row and sequence (${format}, encrypted)`, async () => {
				const { file, header } = await makeBackup(target, format, KEY);
				expect(header.format).toBe(format);
				expect(header.encryption?.cipher).toBe('aes-256-gcm');
				// the rows are not readable in the file
				expect(file.includes(Buffer.from('ひだまり'))).toBe(false);
				await damage(db.driver);
				expect(await fingerprint(db.driver)).not.toEqual(before);
				const report = await restoreFile(target, file, { passphrase: KEY, replace: true });
				expect(report.migratedBefore).toEqual([]);
				expect(await fingerprint(db.driver)).toEqual(before);
			});
		}

		it('refuses a wrong key, a missing key and a changed byte, and leaves the database as it was', async () => {
			const { file } = await makeBackup(target, onPostgres ? 'pg_dump' : 'portable', KEY);
			await damage(db.driver);
			const damaged = await fingerprint(db.driver);
			expect(damaged).not.toEqual(before);

			await expect(restoreFile(target, file, { passphrase: WRONG, replace: true })).rejects.toThrow(/wrong BACKUP_KEY/);
			await expect(restoreFile(target, file, { replace: true })).rejects.toThrow(/encrypted: set BACKUP_KEY/);
			const altered = Buffer.from(file);
			altered[altered.length - 100] ^= 0x01;
			await expect(restoreFile(target, altered, { passphrase: KEY, replace: true })).rejects.toThrow(/altered/);
			const header = readBackupHeader(file);
			const relabelled = Buffer.concat([
				Buffer.from(file.subarray(0, header.headLength).toString().replace('"source":', '"source" :')),
				file.subarray(header.headLength)
			]);
			await expect(restoreFile(target, relabelled, { passphrase: KEY, replace: true })).rejects.toThrow(/altered/);
			expect(await fingerprint(db.driver)).toEqual(damaged);

			await restoreFile(target, file, { passphrase: KEY, replace: true });
			expect(await fingerprint(db.driver)).toEqual(before);
		});

		it('without a key the file is plain and says so; a database with data is not overwritten without replace', async () => {
			const { file, header } = await makeBackup(target, 'portable');
			expect(header.encryption).toBeNull();
			expect(openBackup(file).header.migrations.length).toBeGreaterThan(0);
			await expect(restoreFile(target, file, {})).rejects.toThrow(/already holds data/);
			expect(await fingerprint(db.driver)).toEqual(before);
		});

		it('refuses a backup from newer code, and a database newer than the backup', async () => {
			const migrations = await asSystem(db.driver, recordedMigrations);
			const body = Buffer.from('');
			const newer = sealBackup(
				{ format: 'portable', createdAt: '', source: db.driver.kind, migrations: [...migrations, '29991231000000'] },
				body
			).file;
			await expect(restoreFile(target, newer, { replace: true })).rejects.toThrow(/newer version/);
			const older = sealBackup(
				{ format: 'portable', createdAt: '', source: db.driver.kind, migrations: migrations.slice(0, -1) },
				body
			).file;
			await expect(restoreFile(target, older, { replace: true })).rejects.toThrow(/fresh database/);
			expect(await fingerprint(db.driver)).toEqual(before);
		});

		it(
			'restores into a fresh embedded database, migrated to the backup’s versions first (from either database)',
			async () => {
				const { file } = await makeBackup(target, 'portable', KEY);
				const fresh = await openPglite('memory://');
				try {
					if (onPostgres)
						await expect(
							restoreFile({ driver: fresh }, (await makeBackup(target, 'pg_dump', KEY)).file, { passphrase: KEY })
						).rejects.toThrow(/only into PostgreSQL/);
					const report = await restoreFile({ driver: fresh }, file, { passphrase: KEY });
					expect(report.migratedBefore.length).toBe(report.header.migrations.length);
					expect(await fingerprint(fresh)).toEqual(before);
				} finally {
					await fresh.close();
				}
			},
			HEAVY
		);

		if (onPostgres)
			it(
				'restores a pg_dump archive into a fresh PostgreSQL database',
				async () => {
					const { file } = await makeBackup(target, 'pg_dump', KEY);
					const name = `t_fresh_${crypto.randomBytes(4).toString('hex')}`;
					const admin = new pg.Client({ connectionString: db.ownerUrl });
					await admin.connect();
					await admin.query(`create database ${name}`);
					const url = withDatabase(db.ownerUrl!, name);
					const fresh = openPostgres(url, url);
					try {
						const report = await restoreFile({ driver: fresh, adminUrl: url }, file, { passphrase: KEY });
						expect(report.migratedBefore.length).toBe(report.header.migrations.length);
						expect(await fingerprint(fresh)).toEqual(before);
					} finally {
						await fresh.close();
						// the pools have ended; let their backends finish before the drop (as helpers.ts does)
						for (let i = 0; i < 50; i++) {
							const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [
								name
							]);
							if (rows[0].n === 0) break;
							await new Promise((resolve) => setTimeout(resolve, 100));
						}
						await admin.query(`drop database ${name} with (force)`);
						await admin.end();
					}
				},
				HEAVY
			);
	});

	describe('the embedded data directory', () => {
		// The running app holds its database; a second process may not open it, so the app makes the backup.
		if (!onPostgres)
			it(
				'is backed up by the process that holds it, while it writes, as one consistent snapshot',
				async () => {
					const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagari-live-'));
					const dataDir = path.join(dir, 'pgdata');
					fs.cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
					const app = spawn(process.execPath, ['--import', 'tsx', 'tests/db/backup-holder.ts', dataDir], {
						stdio: ['ignore', 'pipe', 'inherit'],
						env: { ...process.env, BACKUP_KEY: KEY }
					});
					const exited = new Promise((resolve) => app.once('exit', resolve));
					try {
						await new Promise<void>((resolve, reject) => {
							app.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
							app.once('exit', (code) => reject(new Error(`holder exited (${code})`)));
						});
						expect(dataDirHolder(dataDir)).toBe(app.pid);
						await expect(openPglite(dataDir)).rejects.toThrow(/open in another process/);

						const file = await requestBackup(dataDir, app.pid!, path.join(dir, 'live.backup'));
						expect(readBackupHeader(file).header.encryption).not.toBeNull();
						await restoreFile(target, file, { passphrase: KEY, replace: true });
						const after = await fingerprint(db.driver);
						const [{ rows, ids, seq }] = await asSystem(db.driver, (tx) =>
							tx.query<{ rows: number; ids: number; seq: number }>(
								`select count(*)::int as rows, coalesce(max(id), 0)::int as ids,
						        (select last_value::int from private.rate_events_id_seq) as seq from private.rate_events`
							)
						);
						// rows written while the backup ran, and the sequence from the same moment
						expect(rows).toBeGreaterThan(0);
						expect([ids, seq]).toEqual([rows, rows]);
						const changed = Object.keys(before).filter((t) => before[t].md5 !== after[t].md5);
						expect(changed.sort()).toEqual(['"private"."rate_events"', 'private.rate_events_id_seq']);
					} finally {
						app.kill('SIGTERM');
						await exited;
						fs.rmSync(dir, { recursive: true, force: true });
					}
				},
				HEAVY
			);

		it(
			'is refused while another live process holds it, and taken over when that process is gone',
			async () => {
				const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagari-lock-'));
				const dataDir = path.join(dir, 'pgdata');
				const other = spawn('sleep', ['60'], { stdio: 'ignore' });
				try {
					fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
					await expect(openPglite(dataDir)).rejects.toThrow(new RegExp(`open in another process \\(pid ${other.pid}\\)`));
					expect(fs.existsSync(dataDir)).toBe(false);
					// the same id with another start time is a reused id, not the holder
					fs.writeFileSync(`${dataDir}.lock`, `${other.pid} 1`);
					expect(dataDirHolder(dataDir)).toBeNull();
					fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
					expect(dataDirHolder(dataDir)).toBe(other.pid);
					const exited = new Promise((resolve) => other.once('exit', resolve));
					other.kill();
					await exited;
					const driver = await openPglite(dataDir);
					expect(fs.readFileSync(`${dataDir}.lock`, 'utf8').split(' ')[0]).toBe(String(process.pid));
					await driver.close();
					expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
				} finally {
					other.kill();
					fs.rmSync(dir, { recursive: true, force: true });
				}
			},
			HEAVY
		);

		it('BackupError is what a refused file throws', () => {
			expect(() => readBackupHeader(Buffer.from('not a backup\n{}\n'))).toThrow(BackupError);
		});
	});
}
