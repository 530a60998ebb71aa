/** Files under a directory on this machine (default ./.data/uploads). */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type Storage } from './port';

const TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.webp': 'image/webp' };

export function createLocalStorage(root: string): Storage {
	const base = path.resolve(root);
	const fileOf = (key: string) => {
		const file = path.resolve(base, checkKey(key));
		if (!file.startsWith(base + path.sep)) throw new Error(`bad storage key: ${key}`);
		return file;
	};
	return {
		kind: 'local',
		async put(key, body) {
			const file = fileOf(key);
			await fs.mkdir(path.dirname(file), { recursive: true });
			// write, then link into place: a reader never sees half a file, and unlike a rename a link
			// never replaces a photo already there (Supabase Storage refuses the same, x-upsert false)
			const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
			await fs.writeFile(tmp, body, { mode: 0o640 });
			try {
				await fs.link(tmp, file);
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`storage key exists: ${key}`, { cause: e });
				throw e;
			} finally {
				await fs.rm(tmp, { force: true });
			}
		},
		async get(key) {
			try {
				const body = await fs.readFile(fileOf(key));
				return { body: new Uint8Array(body), contentType: TYPES[path.extname(key)] ?? 'application/octet-stream' };
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw e;
			}
		},
		async delete(key) {
			await fs.rm(fileOf(key), { force: true });
		}
	};
}
