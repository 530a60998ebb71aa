/**
 * A backup of the embedded database while the app runs. PGlite lives inside the app's process and
 * no second process may open its data directory (pglite.ts, the lock), so the running app makes
 * the backup itself: `npm run db:backup` writes the wanted file name to `<dataDir>.backup-request`
 * and sends the app SIGUSR2; the app dumps in one transaction between its requests (dumpPortable)
 * and writes the file, or `<file>.error` with the reason. The app's own BACKUP_KEY encrypts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, dumpPortable } from './backup';
import type { Driver } from './types';

export const requestFile = (dataDir: string) => `${path.resolve(dataDir)}.backup-request`;

async function answer(driver: Driver, dataDir: string, passphrase: string | undefined) {
	let out: string;
	try {
		out = String((JSON.parse(fs.readFileSync(requestFile(dataDir), 'utf8')) as { out: unknown }).out);
		fs.rmSync(requestFile(dataDir));
	} catch {
		return; // a signal without a request: nothing asked
	}
	try {
		if (!path.isAbsolute(out) || !out.endsWith('.backup'))
			throw new BackupError(`a backup file is an absolute path ending in .backup, not ${out}`);
		const { file } = await dumpPortable(driver, passphrase);
		const partial = `${out}.partial`;
		fs.writeFileSync(partial, file, { mode: 0o600, flag: 'wx' });
		fs.renameSync(partial, out);
	} catch (error) {
		fs.writeFileSync(`${out}.error`, error instanceof Error ? error.message : String(error), { mode: 0o600 });
	}
}

/** Called once by the app that holds the embedded database. Returns the unsubscribe. */
export function serveBackupRequests(driver: Driver, dataDir: string, passphrase = process.env.BACKUP_KEY || undefined): () => void {
	let running = Promise.resolve();
	const onSignal = () => {
		// answer() reports its own failures in `<file>.error`; nothing may reject into the app
		running = running.then(() => answer(driver, dataDir, passphrase)).catch(() => {});
	};
	process.on('SIGUSR2', onSignal);
	return () => void process.off('SIGUSR2', onSignal);
}

/** Asks the process holding `dataDir` for a backup into `out`; resolves with the file's bytes. */
export async function requestBackup(dataDir: string, holder: number, out: string, timeoutMs = 300_000): Promise<Buffer> {
	const target = path.resolve(out);
	if (fs.existsSync(target)) throw new BackupError(`${target} exists already`);
	fs.rmSync(`${target}.error`, { force: true });
	fs.writeFileSync(requestFile(dataDir), JSON.stringify({ out: target }), { mode: 0o600 });
	process.kill(holder, 'SIGUSR2');
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (fs.existsSync(target)) return fs.readFileSync(target);
		if (fs.existsSync(`${target}.error`)) {
			const reason = fs.readFileSync(`${target}.error`, 'utf8');
			fs.rmSync(`${target}.error`);
			throw new BackupError(`the running app (pid ${holder}) could not write the backup: ${reason}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	fs.rmSync(requestFile(dataDir), { force: true });
	throw new BackupError(
		`the running app (pid ${holder}) did not answer within ${timeoutMs / 1000} s; is it tsunagari-map, started after this version? Stop it and run db:backup again`
	);
}
