/**
 * /api/places.geojson: p50/p95 of the query behind it (placeFeatures under anon claims, the
 * same code the endpoint runs) for a city-sized and a prefecture-sized bbox, at 10k and 100k
 * synthetic places, on the embedded database and on a PostgreSQL server (BENCH_DATABASE_URL,
 * or a throwaway cluster started by bench/run.ts). Prints; never asserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EMPTY_FILTER } from '../src/lib/domain/places/search';
import { ANON, withClaims, type Driver } from '../src/lib/server/platform/db/index';
import { migrate } from '../src/lib/server/platform/db/migrate';
import { openPglite } from '../src/lib/server/platform/db/pglite';
import { openPostgres } from '../src/lib/server/platform/db/postgres';
import { seedSyntheticPlaces } from '../scripts/seed/synthetic';
import { placeFeatures } from '../src/lib/server/places/search';
import { ms, percentile, table } from './stats';

// City: a 10 km × 10 km square on central Sendai (a typical large city's extent), and the
// densest city box there is, central Tokyo; prefecture: Tokyo's extent.
const BBOXES = {
	'city (Sendai, 10×10 km)': [140.815, 38.225, 140.93, 38.315],
	'dense city (central Tokyo, 18×22 km)': [139.6, 35.6, 139.8, 35.8],
	'prefecture (Tokyo, 95×45 km)': [138.95, 35.5, 139.95, 35.9]
} as const;
const RUNS = 40;
const SIZES = [10_000, 100_000];

async function measure(driver: Driver, bbox: readonly number[]) {
	const filter = { ...EMPTY_FILTER, bbox: bbox as [number, number, number, number] };
	const now = new Date();
	const times: number[] = [];
	let features = 0;
	for (let i = 0; i < RUNS + 3; i++) {
		const t0 = performance.now();
		const body = await withClaims(driver, ANON, (tx) => placeFeatures(tx, filter, now, 50_000));
		const dt = performance.now() - t0;
		if (i >= 3) times.push(dt); // warm-up
		features = (body.match(/"Feature"/g) ?? []).length;
	}
	return { p50: percentile(times, 50), p95: percentile(times, 95), features };
}

async function freshPostgres(url: string, name: string): Promise<Driver> {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	const u = new URL(url);
	u.pathname = `/${name}`;
	const app = new URL(u);
	app.username = 'tsunagari_app';
	// migrate as the owner first: the app role is created by the migrations
	const owner = openPostgres(u.toString(), u.toString());
	await migrate(owner);
	await owner.close();
	return openPostgres(app.toString(), u.toString());
}

export async function runApiBench(): Promise<string[]> {
	const out: string[] = ['## /api/places.geojson (query + GeoJSON built in the database, anon claims)'];
	const rows: (string | number)[][] = [];
	const results: Record<string, number> = {};
	const serverUrl = process.env.BENCH_DATABASE_URL;
	for (const size of SIZES) {
		const drivers: [string, () => Promise<Driver>][] = [
			[
				'PGlite',
				async () => {
					const d = await openPglite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-')), 'pgdata'));
					await migrate(d);
					return d;
				}
			]
		];
		if (serverUrl) drivers.push(['PostgreSQL', () => freshPostgres(serverUrl, `bench_${size}`)]);
		for (const [name, open] of drivers) {
			const driver = await open();
			const t0 = performance.now();
			await seedSyntheticPlaces(driver, size);
			const seeded = performance.now() - t0;
			for (const [label, bbox] of Object.entries(BBOXES)) {
				const r = await measure(driver, bbox);
				results[`${name}|${size}|${label}`] = r.p95;
				rows.push([name, size.toLocaleString('en'), label, r.features, ms(r.p50), ms(r.p95), `${(seeded / 1000).toFixed(1)} s`]);
			}
			await driver.close();
		}
	}
	out.push(...table(['database', 'places', 'bbox', 'features', 'p50', 'p95', 'seed time'], rows));
	if (serverUrl) {
		out.push('', 'embedded ÷ PostgreSQL (p95; target ≤ 3×):');
		for (const size of SIZES)
			for (const label of Object.keys(BBOXES)) {
				const ratio = results[`PGlite|${size}|${label}`] / results[`PostgreSQL|${size}|${label}`];
				out.push(`  ${size.toLocaleString('en')} places, ${label}: ${ratio.toFixed(2)}×`);
			}
		const target = results[`PostgreSQL|100000|${Object.keys(BBOXES)[0]}`];
		const dense = results[`PostgreSQL|100000|${Object.keys(BBOXES)[1]}`];
		out.push(`target: city bbox at 100k places on PostgreSQL p95 ≤ 50 ms — measured ${ms(target)} (densest city box: ${ms(dense)})`);
	} else out.push('(PostgreSQL skipped: set BENCH_DATABASE_URL or run through npm run bench)');
	return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	runApiBench().then(
		(lines) => console.log(lines.join('\n')),
		(e) => {
			console.error(e);
			process.exit(1);
		}
	);
}
