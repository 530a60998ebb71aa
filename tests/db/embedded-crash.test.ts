/**
 * Issue 13: the embedded database killed (kill -9) in the middle of writes reopens with every row
 * it had acknowledged. A child process writes one row per transaction and prints each id after
 * its commit; the test kills it without warning, reopens the data directory, and looks for every
 * printed id — twice, the second time on the directory the first crash left.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/lib/server/platform/db/pglite';
import { asSystem } from '../../src/lib/server/platform/db/system';

/** Runs the writer until it has acknowledged `rows` rows (or `ms` passed), then kills it. Returns the acknowledged ids. */
async function writeAndKill(dataDir: string, first: number, rows: number, ms: number): Promise<number[]> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/db/crash-writer.ts', dataDir, String(first)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const acknowledged: number[] = [];
	let buffer = '';
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	await new Promise<void>((resolve) => {
		let timer: NodeJS.Timeout | undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			const lines = buffer.split('\n');
			buffer = lines.pop()!;
			for (const line of lines) {
				if (line === 'ready') timer = setTimeout(resolve, ms);
				else acknowledged.push(Number(line));
			}
			if (acknowledged.length >= rows) resolve();
		});
		child.on('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
	child.kill('SIGKILL');
	await exited;
	return acknowledged;
}

// vite.config.ts runs this file in the db-pglite project only
describe('the embedded database killed during writes', () => {
	it('reopens with every acknowledged row, twice over', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagari-crash-'));
		const dataDir = path.join(dir, 'pgdata');
		try {
			const first = await writeAndKill(dataDir, 1, 4000, 20_000);
			const second = await writeAndKill(dataDir, 1_000_000, 4000, 20_000);
			expect(first.length).toBeGreaterThan(100);
			expect(second.length).toBeGreaterThan(100);
			const driver = await openPglite(dataDir);
			try {
				const [{ found, total }] = await asSystem(driver, (tx) =>
					tx.query<{ found: number; total: number }>(
						`select count(*) filter (where id = any ($1::int[]))::int as found, count(*)::int as total from public.crash_rows`,
						[[...first, ...second]]
					)
				);
				expect(found).toBe(first.length + second.length);
				// a row whose commit had not returned may or may not be there; nothing else can be
				expect(total - found).toBeLessThanOrEqual(2);
			} finally {
				await driver.close();
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 180_000);
});
