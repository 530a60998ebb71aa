/**
 * Load: the production build on 127.0.0.1 against a migrated, seeded PostgreSQL database
 * (a fresh database on the with-postgres.sh cluster), driven by autocannon. Four targets —
 * the home page, a published place's page, /api/places.geojson and a signed-in coordinator's
 * participant page (an aal2 session, its cookie signed as the embedded adapter signs it) — each
 * first at 1 connection (the baseline), then at 10, 50 and 100 concurrent connections for
 * LOAD_SECONDS (default 30) each. Prints p50/p95/p99, requests/s, errors and p95 ÷ the same
 * run's single-connection p95; never asserts. LOAD_LEVELS=10,50 picks the levels.
 */
import { spawn, execSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pg from 'pg';
import { DEMO_USERS } from '../scripts/seed/demo-town';
import { SESSION_COOKIE } from '../src/lib/server/platform/auth/embedded';
import { ms, percentile, table } from './stats';

const PORT = 4181;
const SECONDS = Number(process.env.LOAD_SECONDS) > 0 ? Number(process.env.LOAD_SECONDS) : 30;
const LEVELS = (process.env.LOAD_LEVELS ?? '10,50,100')
	.split(',')
	.map(Number)
	.filter((n) => n > 0);
const GEOJSON = '/api/places.geojson';
/** LOAD_TARGETS=geojson,place: only the targets whose label contains one of these */
const ONLY = process.env.LOAD_TARGETS?.split(',').filter(Boolean);

interface Pids {
	server?: number;
	postmaster?: number;
}

interface Run {
	p50: number;
	p95: number;
	p99: number;
	rps: number;
	non2xx: number;
	socketErrors: number;
	requests: number;
	/** the server process's CPU time (user + system) per request */
	cpuMsPerRequest: number;
	/** the PostgreSQL cluster's CPU time per request */
	pgCpuMsPerRequest: number;
}

/** /proc/<pid>/stat after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (ticks). */
function stat(pid: number | string): string[] | null {
	try {
		return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	} catch {
		return null;
	}
}
const TICK_MS = 10; // USER_HZ = 100 on Linux

/** CPU time of a process in ms (Linux; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
	const f = pid ? stat(pid) : null;
	return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : NaN;
}

/** CPU time of the PostgreSQL cluster in ms: the postmaster, the backends it has reaped, and the live ones. */
function clusterCpuMs(postmaster: number | undefined): number {
	const f = postmaster ? stat(postmaster) : null;
	if (!f) return NaN;
	let total = f.slice(11, 15).reduce((a, b) => a + Number(b), 0);
	for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		const c = stat(pid);
		if (c && Number(c[1]) === postmaster) total += Number(c[11]) + Number(c[12]);
	}
	return total * TICK_MS;
}

async function preparedDatabase(superuserUrl: string, name: string): Promise<{ app: string; owner: string }> {
	const admin = new pg.Client({ connectionString: superuserUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	const owner = new URL(superuserUrl);
	owner.pathname = `/${name}`;
	const app = new URL(owner);
	app.username = 'tsunagari_app'; // the cluster trusts local connections: no password
	// migrate and seed as the owner (the app role is created by the migrations)
	execSync('npx tsx scripts/db.ts seed', {
		stdio: 'ignore',
		env: { ...process.env, DATABASE_URL: owner.toString(), DATABASE_ADMIN_URL: owner.toString() }
	});
	return { app: app.toString(), owner: owner.toString() };
}

/** An aal2 session for the demo coordinator, inserted on the system path, and its signed cookie. */
async function coordinatorSession(ownerUrl: string, secret: string) {
	const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!.id;
	const db = new pg.Client({ connectionString: ownerUrl });
	await db.connect();
	try {
		const notAfter = new Date(Date.now() + 12 * 3600_000);
		const {
			rows: [session]
		} = await db.query<{ id: string }>(
			`insert into auth.sessions (user_id, aal, not_after, created_at, updated_at, ip)
			 values ($1, 'aal2', $2, now(), now(), '127.0.0.1') returning id`,
			[coordinator, notAfter]
		);
		const {
			rows: [participant]
		} = await db.query<{ id: string }>(
			`select p.id from casework.participants p join casework.participant_coordinators c on c.participant_id = p.id
			 where c.user_id = $1 order by p.code limit 1`,
			[coordinator]
		);
		const {
			rows: [place]
		} = await db.query<{ id: string }>(`select id from public.places where status = 'published' order by name limit 1`);
		const token = await new SignJWT({ sid: session.id })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer('tsunagari-map')
			.setSubject(coordinator)
			.setIssuedAt()
			.setExpirationTime(Math.floor(notAfter.getTime() / 1000))
			.sign(new TextEncoder().encode(secret));
		const {
			rows: [{ pid }]
		} = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
		const postmaster = Number(stat(pid)?.[1]) || undefined; // the cluster runs on this machine
		return { cookie: `${SESSION_COOKIE}=${token}`, participantId: participant.id, placeId: place.id, postmaster };
	} finally {
		await db.end();
	}
}

async function startServer(env: Record<string, string>) {
	const server = spawn('node', ['build'], {
		env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${PORT}` },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	// the server's error log lines (one JSON line each), counted and the first kept for the report
	const errors: string[] = [];
	server.stderr.setEncoding('utf8');
	server.stderr.on('data', (chunk: string) => errors.push(...chunk.split('\n').filter((l) => l.includes('"level":"error"'))));
	const base = `http://127.0.0.1:${PORT}`;
	for (let i = 0; i < 120; i++) {
		if (
			await fetch(`${base}/healthz`).then(
				(r) => r.ok,
				() => false
			)
		)
			return { server, base, errors };
		await new Promise((r) => setTimeout(r, 500));
	}
	server.kill();
	throw new Error('the server did not start');
}

async function load(url: string, headers: Record<string, string>, connections: number, seconds: number, pids: Pids = {}): Promise<Run> {
	const latencies: number[] = [];
	const cpu0 = cpuMs(pids.server);
	const pg0 = clusterCpuMs(pids.postmaster);
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon({ url, headers, connections, duration: seconds, timeout: 10 }, (error, r) =>
			error ? reject(error) : resolve(r)
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
	});
	// autocannon stops with requests in flight: let the server finish them before the next run
	await new Promise((r) => setTimeout(r, 1000));
	return {
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		rps: result.requests.total / seconds,
		non2xx: result.non2xx,
		socketErrors: result.errors + result.timeouts,
		requests: result.requests.total,
		cpuMsPerRequest: (cpuMs(pids.server) - cpu0) / result.requests.total,
		pgCpuMsPerRequest: (clusterCpuMs(pids.postmaster) - pg0) / result.requests.total
	};
}

export async function runLoadBench(): Promise<string[]> {
	const superuserUrl = process.env.TEST_DATABASE_URL;
	if (!superuserUrl) return ['## Load: skipped — no PostgreSQL (run through npm run bench)'];
	const db = await preparedDatabase(superuserUrl, 'bench_load');
	const secret = crypto.randomBytes(32).toString('base64url');
	const { cookie, participantId, placeId, postmaster } = await coordinatorSession(db.owner, secret);
	if (process.env.LOAD_SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'ignore' }); // LOAD_SKIP_BUILD=1: reuse build/
	const { server, base, errors } = await startServer({ DATABASE_URL: db.app, DATABASE_ADMIN_URL: db.owner, SESSION_SECRET: secret });
	const pids: Pids = { server: server.pid, postmaster };
	const targets: [string, string, Record<string, string>][] = [
		['/', '/', {}],
		['place page', `/places/${placeId}`, {}],
		[GEOJSON, GEOJSON, {}],
		['participant page (coordinator, aal2)', `/participation/participants/${participantId}`, { cookie }]
	];
	const rows: (string | number)[][] = [];
	const verdict: string[] = [];
	try {
		for (const [label, path, headers] of targets.filter(([l]) => !ONLY || ONLY.some((o) => l.includes(o)))) {
			// the cookie must reach the page, not a redirect to sign-in or to the TOTP step
			const probe = await fetch(base + path, { headers, redirect: 'manual' });
			if (probe.status !== 200) throw new Error(`${label}: ${path} answered ${probe.status}, not 200`);
			await load(base + path, headers, 1, Math.min(2, SECONDS)); // warm-up, not reported
			const baseline = await load(base + path, headers, 1, SECONDS, pids);
			const row = (c: number, r: Run) => [
				label,
				c,
				ms(r.p50),
				ms(r.p95),
				ms(r.p99),
				r.rps.toFixed(0),
				r.requests,
				r.non2xx,
				r.socketErrors,
				c === 1 ? '1.0× (baseline)' : `${(r.p95 / baseline.p95).toFixed(1)}×`,
				`${(r.rps / baseline.rps).toFixed(1)}×`,
				ms(r.cpuMsPerRequest),
				ms(r.pgCpuMsPerRequest)
			];
			rows.push(row(1, baseline));
			for (const c of LEVELS) {
				const r = await load(base + path, headers, c, SECONDS, pids);
				rows.push(row(c, r));
				if (path === GEOJSON && c === 50) {
					const ratio = r.p95 / baseline.p95;
					const met = ratio <= 3 && r.non2xx === 0 && r.socketErrors === 0;
					verdict.push(
						`Bar (issue 13): ${GEOJSON} p95 at 50 connections ≤ 3× its 1-connection p95 with 0 errors — ${met ? 'met' : 'NOT met'} (${ms(r.p95)} vs ${ms(baseline.p95)} = ${ratio.toFixed(1)}×, ${r.non2xx} non-2xx, ${r.socketErrors} socket errors)`
					);
				}
			}
		}
	} finally {
		server.kill();
	}
	const logged = errors.length;
	return [
		`## Load: production build on 127.0.0.1, PostgreSQL (demo town), autocannon, ${SECONDS} s per run`,
		'',
		...table(
			[
				'target',
				'connections',
				'p50',
				'p95',
				'p99',
				'req/s',
				'requests',
				'non-2xx',
				'socket errors',
				'p95 ÷ 1-conn p95',
				'req/s ÷ 1-conn',
				'Node CPU/req',
				'PostgreSQL CPU/req'
			],
			rows
		),
		'',
		...(verdict.length ? verdict : [`Bar (issue 13): not measured (50 connections not in LOAD_LEVELS)`]),
		`A closed loop: at c connections latency ≈ c ÷ throughput, so p95 at 50 ≤ 3× the 1-connection p95 needs roughly 50 ÷ 3 ≈ 17× the 1-connection req/s; the column req/s ÷ 1-conn shows what this machine gives (${os.cpus().length} cores shared by the load generator, Node and PostgreSQL; load average at the end ${os.loadavg()[0].toFixed(1)}).`,
		`Server error log lines during the runs: ${logged}${logged ? ` — first: ${errors[0].slice(0, 300)}` : ''}`
	];
}

// on its own: LOAD_SECONDS=10 bash scripts/with-postgres.sh npx tsx bench/load.ts (npm run bench runs it last)
if (process.argv[1]?.endsWith('load.ts'))
	runLoadBench().then(
		(lines) => console.log(lines.join('\n')),
		(error) => {
			console.error(error);
			process.exit(1);
		}
	);
