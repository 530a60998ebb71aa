/**
 * npm run bench — every benchmark, printed with percentiles and ratios against baselines
 * measured in the same run. Never part of npm test; never asserts.
 * Runs inside scripts/with-postgres.sh, which provides a throwaway PostgreSQL (TEST_DATABASE_URL).
 */
import { spawn, execSync } from 'node:child_process';
import { runApiBench } from './api';
import { runBytesBench } from './bytes';
import { runLoadBench } from './load';
import { runMapBench } from './map';
import { runMatchingBench } from './matching';

async function withServer<T>(fn: (base: string) => Promise<T>): Promise<T> {
	const port = 4180;
	execSync('npm run build', { stdio: 'ignore' });
	execSync('npx tsx scripts/db.ts reset', { stdio: 'ignore', env: { ...process.env, PGLITE_DATA_DIR: '.data/bench/pglite' } });
	const server = spawn('node', ['build'], {
		env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: '.data/bench/pglite' },
		stdio: 'ignore'
	});
	try {
		const base = `http://localhost:${port}`;
		for (let i = 0; i < 120; i++) {
			if (
				await fetch(base).then(
					(r) => r.ok,
					() => false
				)
			)
				break;
			await new Promise((r) => setTimeout(r, 500));
		}
		return await fn(base);
	} finally {
		server.kill();
	}
}

async function main() {
	const sections: string[][] = [];
	const run = async (name: string, fn: () => Promise<string[]>) => {
		const t0 = Date.now();
		try {
			sections.push(await fn());
		} catch (error) {
			sections.push([`## ${name}: failed — ${error instanceof Error ? error.message : String(error)}`]);
		}
		console.error(`[bench] ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	};
	process.env.BENCH_DATABASE_URL ??= process.env.TEST_DATABASE_URL;
	await run('bytes', () => withServer(runBytesBench));
	await run('matching', runMatchingBench);
	await run('api', runApiBench);
	await run('map', runMapBench);
	await run('load', runLoadBench);
	console.log(
		`# つながりマップ benchmarks — ${new Date().toISOString()} — ${process.version}, ${(await import('node:os')).cpus().length} cores\n`
	);
	console.log(sections.map((s) => s.join('\n')).join('\n\n'));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
