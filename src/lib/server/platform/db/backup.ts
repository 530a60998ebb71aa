/**
 * Backups of our data, the same on both databases (used by scripts/backup.ts, `npm run db:backup`).
 *
 * What a backup holds: the rows of every table in our schemas, the sequence positions and the
 * migration versions the rows were written under; never the schema itself. The schema is
 * rebuilt from supabase/migrations at exactly those versions, the rows are loaded, and any newer
 * migration then runs as on an upgrade. So a backup from the embedded database restores into
 * PostgreSQL and back (the "portable" format); the server also has pg_dump's own archive
 * (scripts/backup.ts), restored the same way.
 *
 * The file: one line `tsunagari-backup 1`, one line of JSON (the header), then the body. With a
 * key the body is AES-256-GCM under a key derived by scrypt from the passphrase with a random salt,
 * the two header lines are its associated data, and the 16-byte tag ends the file: a changed byte
 * anywhere is refused before anything is written to the database.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { migrate, readMigrations, type Migration } from './migrate';
import { asSystem } from './system';
import type { Driver, Tx } from './types';

/** Our schemas. Supabase's own (auth on Supabase, storage) are backed up by Supabase (README). */
export const BACKUP_SCHEMAS = ['public', 'casework', 'private', 'auth', 'supabase_migrations', 'storage'] as const;

const MAGIC = 'tsunagari-backup 1';

export type BackupFormat = 'portable' | 'pg_dump';

export interface BackupHeader {
	format: BackupFormat;
	createdAt: string;
	source: Driver['kind'];
	/** supabase_migrations.schema_migrations at the time of the dump */
	migrations: string[];
	encryption: null | {
		cipher: 'aes-256-gcm';
		kdf: 'scrypt';
		N: number;
		r: number;
		p: number;
		salt: string;
		iv: string;
		/** HMAC of a constant under the derived key: tells a wrong key from an altered file */
		check: string;
	};
}

export class BackupError extends Error {}

// ── the file ──────────────────────────────────────────────────────────────────────────────

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

function deriveKeys(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) {
	const bytes = crypto.scryptSync(passphrase.normalize('NFC'), salt, 64, { ...params, maxmem: 256 * params.N * params.r });
	const key = bytes.subarray(0, 32);
	const check = crypto.createHmac('sha256', bytes.subarray(32)).update('tsunagari-backup key check').digest('base64');
	return { key, check };
}

/** The backup file: header, then the body, encrypted when a passphrase is given. */
export function sealBackup(
	header: Omit<BackupHeader, 'encryption'>,
	body: Buffer,
	passphrase?: string
): { file: Buffer; header: BackupHeader } {
	if (!passphrase) {
		const full: BackupHeader = { ...header, encryption: null };
		return { file: Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(full)}\n`), body]), header: full };
	}
	const salt = crypto.randomBytes(16);
	const iv = crypto.randomBytes(12);
	const { key, check } = deriveKeys(passphrase, salt, SCRYPT);
	const full: BackupHeader = {
		...header,
		encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), check }
	};
	const head = Buffer.from(`${MAGIC}\n${JSON.stringify(full)}\n`);
	const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(head);
	const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
	return { file: Buffer.concat([head, sealed, cipher.getAuthTag()]), header: full };
}

/** The header only (no key needed): what a file is before deciding to restore it. */
export function readBackupHeader(file: Buffer): { header: BackupHeader; headLength: number } {
	const first = file.indexOf(0x0a);
	const second = first < 0 ? -1 : file.indexOf(0x0a, first + 1);
	if (first < 0 || second < 0 || file.subarray(0, first).toString() !== MAGIC)
		throw new BackupError('this is not a tsunagari-map backup (it does not start with "tsunagari-backup 1")');
	try {
		return { header: JSON.parse(file.subarray(first + 1, second).toString()) as BackupHeader, headLength: second + 1 };
	} catch {
		throw new BackupError('the backup header is damaged');
	}
}

/** The body, decrypted and authenticated; throws before returning anything when it is not intact. */
export function openBackup(file: Buffer, passphrase?: string): { header: BackupHeader; body: Buffer } {
	const { header, headLength } = readBackupHeader(file);
	const enc = header.encryption;
	if (!enc) return { header, body: file.subarray(headLength) };
	if (!passphrase) throw new BackupError('this backup is encrypted: set BACKUP_KEY to the passphrase it was made with');
	if (enc.cipher !== 'aes-256-gcm' || enc.kdf !== 'scrypt') throw new BackupError(`unknown encryption ${enc.cipher}/${enc.kdf}`);
	const { key, check } = deriveKeys(passphrase, Buffer.from(enc.salt, 'base64'), enc);
	if (!crypto.timingSafeEqual(Buffer.from(check), Buffer.from(enc.check)))
		throw new BackupError('wrong BACKUP_KEY: this backup was encrypted with another passphrase; nothing was restored');
	if (file.length < headLength + 16) throw new BackupError('the backup is truncated; nothing was restored');
	const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(enc.iv, 'base64'));
	decipher.setAAD(file.subarray(0, headLength));
	decipher.setAuthTag(file.subarray(file.length - 16));
	try {
		return { header, body: Buffer.concat([decipher.update(file.subarray(headLength, file.length - 16)), decipher.final()]) };
	} catch {
		throw new BackupError('the backup was altered or truncated after it was written (authentication failed); nothing was restored');
	}
}

// ── what is in the database ───────────────────────────────────────────────────────────────

export interface TableRef {
	schema: string;
	name: string;
}

/** Every ordinary table in our schemas, in a stable order. */
export async function backupTables(tx: Tx): Promise<TableRef[]> {
	return tx.query<TableRef>(
		`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		  where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any ($1::text[])
		  order by 1, 2`,
		[[...BACKUP_SCHEMAS]]
	);
}

export async function recordedMigrations(tx: Tx): Promise<string[]> {
	const [{ exists }] = await tx.query<{ exists: boolean }>(
		`select to_regclass('supabase_migrations.schema_migrations') is not null as exists`
	);
	if (!exists) return [];
	return (await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by 1')).map(
		(r) => r.version
	);
}

/** A backup made under forced RLS by a role that does not bypass it would silently miss rows. */
async function requireBypass(tx: Tx, what: string) {
	const [me] = await tx.query<{ ok: boolean; name: string }>(
		`select rolsuper or rolbypassrls as ok, rolname as name from pg_roles where rolname = current_user`
	);
	if (!me.ok)
		throw new BackupError(
			`${what} needs a role that bypasses row-level security (DATABASE_ADMIN_URL; role ${me.name} does not): our tables force it, and rows would be missing`
		);
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const qualified = (t: TableRef) => `${ident(t.schema)}.${ident(t.name)}`;

interface Column {
	name: string;
	type: string;
}

async function columns(tx: Tx, t: TableRef): Promise<Column[]> {
	return tx.query<Column>(
		`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
		  where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		  order by a.attnum`,
		[qualified(t)]
	);
}

// ── the portable format ───────────────────────────────────────────────────────────────────

interface PortableTable extends TableRef {
	columns: string[];
	/** each value in its PostgreSQL text form (what COPY writes), null for NULL */
	rows: (string | null)[][];
}

interface PortableBody {
	tables: PortableTable[];
	sequences: { schema: string; name: string; value: string; called: boolean }[];
}

/**
 * A Supabase project is backed up by Supabase (daily backups, point-in-time recovery, `supabase db
 * dump`), and its `postgres` may not switch triggers off as a restore must: refused here, clearly.
 */
export async function refuseOnSupabase(driver: Driver): Promise<void> {
	const [{ supabase }] = await asSystem(driver, (tx) =>
		tx.query<{ supabase: boolean }>(`select exists (select from pg_roles where rolname = 'supabase_admin') as supabase`)
	);
	if (supabase)
		throw new BackupError(
			'this is a Supabase project: use its own backups (dashboard → Database → Backups, point-in-time recovery) or `supabase db dump`; see README "Backup and restore"'
		);
}

/**
 * Every row of our tables in one repeatable-read transaction (one snapshot), as text.
 * On the embedded database this runs inside the process that holds it, between its other
 * transactions. Returns the file's bytes.
 */
export async function dumpPortable(driver: Driver, passphrase?: string): Promise<{ file: Buffer; header: BackupHeader }> {
	await refuseOnSupabase(driver);
	const { migrations, body } = await asSystem(driver, async (tx) => {
		if (driver.kind === 'postgres') await tx.exec('set transaction isolation level repeatable read, read only');
		await requireBypass(tx, 'a backup');
		const tables: PortableTable[] = [];
		for (const t of await backupTables(tx)) {
			const cols = await columns(tx, t);
			const values = cols.map((c) => `${ident(c.name)}::text`).join(', ');
			const [{ rows }] = await tx.query<{ rows: string }>(
				`select coalesce(json_agg(array[${values}])::text, '[]') as rows from ${qualified(t)}`
			);
			tables.push({ ...t, columns: cols.map((c) => c.name), rows: JSON.parse(rows) as (string | null)[][] });
		}
		const sequences: PortableBody['sequences'] = [];
		const seqs = await tx.query<TableRef>(
			`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			  where c.relkind = 'S' and n.nspname = any ($1::text[]) order by 1, 2`,
			[[...BACKUP_SCHEMAS]]
		);
		for (const s of seqs) {
			const [row] = await tx.query<{ value: string; called: boolean }>(
				`select last_value::text as value, is_called as called from ${qualified(s)}`
			);
			sequences.push({ ...s, ...row });
		}
		return { migrations: await recordedMigrations(tx), body: { tables, sequences } satisfies PortableBody };
	});
	const gz = zlib.gzipSync(Buffer.from(JSON.stringify(body)));
	return sealBackup({ format: 'portable', createdAt: new Date().toISOString(), source: driver.kind, migrations }, gz, passphrase);
}

/**
 * The statements that empty every table of ours, for a session with triggers off
 * (session_replication_role = replica: no foreign-key action fires). `delete`, not `truncate`:
 * on the embedded database a truncate rewrites every file and takes seconds per table.
 */
export async function emptyStatements(tx: Tx): Promise<string> {
	return (await backupTables(tx)).map((t) => `delete from ${qualified(t)};\n`).join('');
}

/** Replaces every row of our tables with the backup's, in one transaction: all or nothing. */
export async function loadPortable(driver: Driver, body: Buffer): Promise<{ tables: number; rows: number }> {
	const data = JSON.parse(zlib.gunzipSync(body).toString()) as PortableBody;
	return asSystem(driver, async (tx) => {
		await requireBypass(tx, 'a restore');
		// Rows go back as they were: no trigger (bookkeeping, history) and no foreign-key check fires.
		await tx.exec('set local session_replication_role = replica');
		const present = new Set((await backupTables(tx)).map(qualified));
		for (const t of data.tables)
			if (!present.has(qualified(t))) throw new BackupError(`the backup has table ${qualified(t)}, which this database lacks`);
		await tx.exec(await emptyStatements(tx));
		let rows = 0;
		for (const t of data.tables) {
			if (!t.rows.length) continue;
			const types = new Map((await columns(tx, t)).map((c) => [c.name, c.type]));
			const missing = t.columns.filter((c) => !types.has(c));
			if (missing.length) throw new BackupError(`table ${qualified(t)} lacks column(s) ${missing.join(', ')}`);
			const list = t.columns.map(ident).join(', ');
			const select = t.columns.map((c, i) => `(r ->> ${i})::${types.get(c)}`).join(', ');
			for (let i = 0; i < t.rows.length; i += 500) {
				await tx.query(
					`insert into ${qualified(t)} (${list}) overriding system value select ${select} from json_array_elements($1::text::json) r`,
					[JSON.stringify(t.rows.slice(i, i + 500))]
				);
			}
			rows += t.rows.length;
		}
		for (const s of data.sequences) await tx.query(`select setval($1::regclass, $2::bigint, $3)`, [qualified(s), s.value, s.called]);
		return { tables: data.tables.length, rows };
	});
}

// ── restoring ─────────────────────────────────────────────────────────────────────────────

export interface RestoreOptions {
	passphrase?: string;
	/** replace the rows of a database that already has some (otherwise refused) */
	replace?: boolean;
	/** the migrations on disk (tests pass their own) */
	migrations?: Migration[];
	/** loads a pg_dump archive's rows in one transaction (scripts/backup.ts); needed for that format */
	loadArchive?: (body: Buffer) => Promise<void>;
}

export interface RestoreReport {
	header: BackupHeader;
	/** migrations applied before the rows were loaded (a fresh database), and after (newer code) */
	migratedBefore: string[];
	migratedAfter: string[];
}

/** Whether any table of ours holds a row (the migration record aside). */
export async function hasData(tx: Tx): Promise<boolean> {
	for (const t of await backupTables(tx)) {
		if (t.schema === 'supabase_migrations') continue;
		const [{ any }] = await tx.query<{ any: boolean }>(`select exists (select from ${qualified(t)}) as any`);
		if (any) return true;
	}
	return false;
}

/**
 * Restores a backup file into the database behind `driver`: checks the file (key, integrity)
 * first, then brings the schema to the backup's migration versions, replaces every row, and
 * applies the newer migrations on disk. Nothing is written when the file is refused.
 */
export async function restoreBackup(driver: Driver, file: Buffer, options: RestoreOptions = {}): Promise<RestoreReport> {
	await refuseOnSupabase(driver);
	const { header, body } = openBackup(file, options.passphrase);
	const onDisk = options.migrations ?? readMigrations();
	const known = new Set(onDisk.map((m) => m.version));
	const unknown = header.migrations.filter((v) => !known.has(v));
	if (unknown.length)
		throw new BackupError(
			`the backup was made by a newer version (migrations ${unknown.join(', ')} are not in supabase/migrations); restore it with that version`
		);
	const wanted = new Set(header.migrations);
	const { current, data } = await asSystem(driver, async (tx) => ({ current: await recordedMigrations(tx), data: await hasData(tx) }));
	const ahead = current.filter((v) => !wanted.has(v));
	if (ahead.length)
		throw new BackupError(
			`this database has migrations the backup predates (${ahead.join(', ')}); restore into a fresh database, which is migrated to the backup's versions first`
		);
	if (data && !options.replace)
		throw new BackupError('this database already holds data; pass --replace to overwrite all of it with the backup');
	if (header.format === 'pg_dump' && !options.loadArchive)
		throw new BackupError(
			'a pg_dump archive restores only into PostgreSQL (npm run db:restore); to move to the embedded database, back up with --format portable'
		);
	const migratedBefore = await migrate(
		driver,
		onDisk.filter((m) => wanted.has(m.version))
	);
	if (header.format === 'portable') await loadPortable(driver, body);
	else await options.loadArchive!(body);
	const migratedAfter = await migrate(driver, onDisk);
	return { header, migratedBefore, migratedAfter };
}
