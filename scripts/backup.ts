/**
 * npm run db:backup [-- --out FILE] [--format portable|pg_dump]
 * npm run db:restore -- FILE [--replace]
 *
 * The database is the one the app uses (DATABASE_URL / DATABASE_ADMIN_URL, else PGLITE_DATA_DIR).
 * BACKUP_KEY, when set, encrypts the backup (and is needed to restore it); see
 * src/lib/server/platform/db/backup.ts for the file and README "Backup and restore" for the rules.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	BACKUP_SCHEMAS,
	BackupError,
	dumpPortable,
	refuseOnSupabase,
	readBackupHeader,
	recordedMigrations,
	restoreBackup,
	sealBackup,
	emptyStatements,
	type BackupFormat,
	type BackupHeader,
	type RestoreReport
} from '../src/lib/server/platform/db/backup';
import { configFromEnv, openDriver, type DbConfig, type Driver } from '../src/lib/server/platform/db/index';
import { requestBackup } from '../src/lib/server/platform/db/live-backup';
import { dataDirHolder } from '../src/lib/server/platform/db/pglite';
import { asSystem } from '../src/lib/server/platform/db/system';

/** PG_BIN, else the newest Debian PostgreSQL client, else PATH. */
export function pgBin(name: string): string {
	if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	return newest && fs.existsSync(path.join(root, newest, 'bin', name)) ? path.join(root, newest, 'bin', name) : name;
}

/** Runs a client program with `input` on its stdin; resolves with its stdout. */
function run(cmd: string, args: string[], input?: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		child.on('error', (e) => reject(new BackupError(`${cmd}: ${e.message}`)));
		child.on('close', (code) => {
			if (code === 0) resolve(Buffer.concat(out));
			else reject(new BackupError(`${path.basename(cmd)} failed (exit ${code}): ${Buffer.concat(err).toString().trim()}`));
		});
		child.stdin.on('error', () => {}); // a failed child closes its stdin; its exit code tells
		child.stdin.end(input);
	});
}

/** pg_dump's custom archive of our schemas' rows (data only: the schema comes from the migrations). */
export async function dumpPgArchive(
	driver: Driver,
	adminUrl: string,
	passphrase?: string
): Promise<{ file: Buffer; header: BackupHeader }> {
	await refuseOnSupabase(driver);
	const present = await asSystem(driver, async (tx) => ({
		migrations: await recordedMigrations(tx),
		schemas: (
			await tx.query<{ name: string }>('select nspname as name from pg_namespace where nspname = any ($1::text[])', [[...BACKUP_SCHEMAS]])
		).map((r) => r.name)
	}));
	const archive = await run(pgBin('pg_dump'), [
		'--format=custom',
		'--data-only',
		'--no-owner',
		'--no-privileges',
		'--serializable-deferrable',
		...present.schemas.flatMap((s) => ['--schema', s]),
		'--dbname',
		adminUrl
	]);
	return sealBackup(
		{ format: 'pg_dump', createdAt: new Date().toISOString(), source: 'postgres', migrations: present.migrations },
		archive,
		passphrase
	);
}

/**
 * Loads an archive's rows in one transaction: pg_restore writes the SQL, psql runs it after
 * emptying our tables with triggers and foreign-key checks off (the rows come back as they were).
 */
export async function loadPgArchive(driver: Driver, adminUrl: string, archive: Buffer): Promise<void> {
	const empty = await asSystem(driver, emptyStatements);
	const script = await run(pgBin('pg_restore'), ['--data-only', '--no-owner', '--no-privileges', '--file', '-'], archive);
	const preamble = Buffer.from(`set session_replication_role = replica;\n${empty}`);
	await run(
		pgBin('psql'),
		['--no-psqlrc', '--quiet', '--single-transaction', '--set', 'ON_ERROR_STOP=1', '--dbname', adminUrl, '--file', '-'],
		Buffer.concat([preamble, script])
	);
}

export interface BackupTarget {
	driver: Driver;
	/** the owner's URL on PostgreSQL (pg_dump, psql) */
	adminUrl?: string;
}

export function makeBackup(target: BackupTarget, format: BackupFormat, passphrase?: string) {
	if (format === 'pg_dump') {
		if (target.driver.kind !== 'postgres' || !target.adminUrl) throw new BackupError('--format pg_dump needs PostgreSQL (DATABASE_URL)');
		return dumpPgArchive(target.driver, target.adminUrl, passphrase);
	}
	return dumpPortable(target.driver, passphrase);
}

export function restoreFile(
	target: BackupTarget,
	file: Buffer,
	options: { passphrase?: string; replace?: boolean }
): Promise<RestoreReport> {
	return restoreBackup(target.driver, file, {
		...options,
		loadArchive:
			target.driver.kind === 'postgres' && target.adminUrl ? (body) => loadPgArchive(target.driver, target.adminUrl!, body) : undefined
	});
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

async function main() {
	const [command, ...args] = process.argv.slice(2);
	const flag = (name: string) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const config: DbConfig = configFromEnv();
	const passphrase = process.env.BACKUP_KEY || undefined;
	if (passphrase && passphrase.length < 16) console.warn('warning: BACKUP_KEY is shorter than 16 characters; use a long random passphrase');
	if (command === 'backup') {
		const format = (flag('format') ?? (config.databaseUrl ? 'pg_dump' : 'portable')) as BackupFormat;
		if (format !== 'portable' && format !== 'pg_dump') throw new BackupError(`--format is portable or pg_dump, not ${String(format)}`);
		const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
		const out = path.resolve(flag('out') ?? `./.data/backups/tsunagari-${stamp}.backup`);
		if (!out.endsWith('.backup')) throw new BackupError('the backup file name ends in .backup');
		fs.mkdirSync(path.dirname(out), { recursive: true });
		const holder = config.databaseUrl ? null : dataDirHolder(config.dataDir);
		if (holder !== null) {
			// The app holds the embedded database: it makes the backup itself, with its own BACKUP_KEY.
			const t0 = performance.now();
			const file = await requestBackup(config.dataDir, holder, out);
			const { header } = readBackupHeader(file);
			console.log(
				`backup: ${out} (made by the running app, pid ${holder}; ${mb(file.length)}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`
			);
			if (!header.encryption)
				console.warn(
					'warning: the app has no BACKUP_KEY, so this backup is NOT encrypted: it holds every participant and case note in the clear'
				);
			return;
		}
		const driver = await openDriver(config);
		try {
			const t0 = performance.now();
			const { file, header } = await makeBackup({ driver, adminUrl: config.adminUrl ?? config.databaseUrl }, format, passphrase);
			const partial = `${out}.partial`;
			fs.writeFileSync(partial, file, { mode: 0o600 });
			fs.renameSync(partial, out);
			console.log(
				`backup: ${out} (${format}, ${mb(file.length)}, ${header.migrations.length} migrations, ${((performance.now() - t0) / 1000).toFixed(1)} s)`
			);
			if (!passphrase)
				console.warn(
					'warning: BACKUP_KEY is not set, so this backup is NOT encrypted: it holds every participant and case note in the clear'
				);
		} finally {
			await driver.close();
		}
	} else if (command === 'restore') {
		const source = args.find((a) => !a.startsWith('--'));
		if (!source) throw new BackupError('usage: npm run db:restore -- FILE [--replace]');
		const file = fs.readFileSync(source);
		const { header } = readBackupHeader(file);
		console.log(
			`restore: ${source} (${header.format} from ${header.source}, ${header.createdAt}, ${header.encryption ? 'encrypted' : 'not encrypted'})`
		);
		const driver = await openDriver(config);
		try {
			const t0 = performance.now();
			const report = await restoreFile({ driver, adminUrl: config.adminUrl ?? config.databaseUrl }, file, {
				passphrase,
				replace: args.includes('--replace')
			});
			console.log(
				`restored in ${((performance.now() - t0) / 1000).toFixed(1)} s; migrations applied before the load: ${report.migratedBefore.length}, after: ${report.migratedAfter.length}`
			);
		} finally {
			await driver.close();
		}
	} else {
		throw new BackupError('usage: tsx scripts/backup.ts backup|restore');
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
