import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { postgis } from '@electric-sql/pglite-postgis';
import { TYPE_PARSERS } from './parsers';
import type { Driver, Tx } from './types';

function wrap(tx: Transaction): Tx {
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			return (await tx.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await tx.exec(sql);
		}
	};
}

/** Whether a process with this id is running (signal 0 only asks). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** When the process started (Linux: /proc/<pid>/stat field 22), so a reused process id is not mistaken for the holder. */
function startTime(pid: number): string {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
	} catch {
		return '';
	}
}

/** The live process, other than this one, that holds the data directory; null when none does. */
export function dataDirHolder(dataDir: string): number | null {
	if (dataDir.startsWith('memory://')) return null;
	let lock: string;
	try {
		lock = fs.readFileSync(`${path.resolve(dataDir)}.lock`, 'utf8');
	} catch {
		return null;
	}
	const [id, started = ''] = lock.trim().split(/\s+/);
	const pid = Number(id);
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
	return started && startTime(pid) && startTime(pid) !== started ? null : pid;
}

/**
 * PGlite has no lock of its own, and two processes writing one data directory corrupt it. The
 * file `<dataDir>.lock` names the process that holds it (id and start time); another live process
 * is refused (a lock left by a process that died, or whose id was reused, is taken over).
 * Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
	if (dataDir.startsWith('memory://')) return () => {};
	const file = `${path.resolve(dataDir)}.lock`;
	const holder = dataDirHolder(dataDir);
	if (holder !== null)
		throw new Error(
			`the embedded database ${dataDir} is open in another process (pid ${holder}): stop it first (if that process is not this app, remove ${file})`
		);
	fs.writeFileSync(file, `${process.pid} ${startTime(process.pid)}`.trim());
	return () => {
		try {
			if (fs.readFileSync(file, 'utf8').split(/\s+/)[0] === String(process.pid)) fs.rmSync(file);
		} catch {
			// already gone
		}
	};
}

/**
 * The embedded database. PGlite always connects as a superuser, so after opening we make
 * `anon` the session's role: a query that skipped withClaims sees only public rows.
 */
export async function openPglite(dataDir: string): Promise<Driver> {
	if (dataDir !== 'memory://') fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
	const unlock = lockDataDir(dataDir);
	let db: PGlite;
	try {
		db = await PGlite.create(dataDir, { extensions: { postgis, pg_trgm, pgcrypto }, parsers: TYPE_PARSERS });
	} catch (error) {
		unlock();
		throw error;
	}
	await db.exec(`set search_path to public, extensions`);

	const lockDown = async () => {
		const [{ exists }] = (await db.query<{ exists: boolean }>(`select exists (select from pg_roles where rolname = 'anon')`)).rows;
		if (exists) await db.exec('set role anon');
	};
	await lockDown();

	return {
		kind: 'pglite',
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
		async ownerTransaction(fn) {
			const result = await db.transaction(async (tx) => {
				await tx.exec('set local role postgres');
				return fn(wrap(tx));
			});
			// Migrations may have just created the roles.
			await lockDown();
			return result;
		},
		async close() {
			try {
				await db.close();
			} finally {
				unlock();
			}
		}
	};
}
