/**
 * Large synthetic data sets for benchmarks: `npm run db:seed -- --places 100000`.
 * Places spread over the prefectures by population — half around the prefectural capital, half
 * across the prefecture — the way listings spread over a country; all under one synthetic
 * municipality. Bookkeeping triggers are switched off for the bulk insert (system path only),
 * so public_location is written directly as the exact point.
 */
import { CATEGORIES } from '$lib/domain/shared/taxonomy';
import { asSystem } from '../../src/lib/server/platform/db/system';
import type { Driver } from '../../src/lib/server/platform/db/types';
import { demoId, seededRandom } from './random';

/** Prefectural capitals and the prefecture's population in millions (2020, rounded). */
const PREFECTURES: [lon: number, lat: number, millions: number][] = [
	[141.35, 43.06, 5.2],
	[140.74, 40.82, 1.2],
	[141.15, 39.7, 1.2],
	[140.87, 38.27, 2.3],
	[140.1, 39.72, 1.0],
	[140.36, 38.24, 1.1],
	[140.47, 37.75, 1.8],
	[140.47, 36.34, 2.9],
	[139.88, 36.57, 1.9],
	[139.06, 36.39, 1.9],
	[139.65, 35.86, 7.3],
	[140.12, 35.61, 6.3],
	[139.69, 35.69, 14.0],
	[139.64, 35.45, 9.2],
	[139.02, 37.9, 2.2],
	[137.21, 36.7, 1.0],
	[136.63, 36.59, 1.1],
	[136.22, 36.07, 0.8],
	[138.57, 35.66, 0.8],
	[138.18, 36.65, 2.0],
	[136.76, 35.42, 2.0],
	[138.38, 34.98, 3.6],
	[136.91, 35.18, 7.5],
	[136.51, 34.73, 1.8],
	[135.87, 35.0, 1.4],
	[135.77, 35.02, 2.6],
	[135.5, 34.69, 8.8],
	[135.18, 34.69, 5.5],
	[135.83, 34.69, 1.3],
	[135.17, 34.23, 0.9],
	[134.24, 35.5, 0.6],
	[133.05, 35.47, 0.7],
	[133.93, 34.66, 1.9],
	[132.46, 34.4, 2.8],
	[131.47, 34.19, 1.3],
	[134.56, 34.07, 0.7],
	[134.04, 34.34, 1.0],
	[132.77, 33.84, 1.3],
	[133.53, 33.56, 0.7],
	[130.42, 33.61, 5.1],
	[130.3, 33.25, 0.8],
	[129.87, 32.74, 1.3],
	[130.74, 32.79, 1.7],
	[131.61, 33.24, 1.1],
	[131.42, 31.91, 1.1],
	[130.56, 31.56, 1.6],
	[127.68, 26.21, 1.5]
];

export const SYNTHETIC_MUNICIPALITY = { id: demoId('municipality:synthetic'), code: '479985', name: '合成データ市', prefecture: '沖縄県' };
const SYNTHETIC_ORG = demoId('org:synthetic');
const RULES = ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=TU,FR', 'FREQ=MONTHLY;BYDAY=2WE,4WE', 'FREQ=MONTHLY;BYMONTHDAY=15'];

export async function seedSyntheticPlaces(driver: Driver, count: number, seed = 7): Promise<void> {
	const r = seededRandom(seed);
	const picks = PREFECTURES.flatMap(([lon, lat, w]) => Array.from({ length: Math.round(w * 10) }, () => [lon, lat] as const));
	const m = SYNTHETIC_MUNICIPALITY;
	await asSystem(driver, async (tx) => {
		await tx.query(`insert into public.municipalities (id, code, name, prefecture) values ($1, $2, $3, $4) on conflict (id) do nothing`, [
			m.id,
			m.code,
			m.name,
			m.prefecture
		]);
		await tx.query(
			`insert into public.organizations (id, municipality_id, kind, name) values ($1, $2, 'npo', '合成データ団体')
			 on conflict (id) do nothing`,
			[SYNTHETIC_ORG, m.id]
		);
	});
	const batch = 5000;
	for (let start = 0; start < count; start += batch) {
		const n = Math.min(batch, count - start);
		const lon: number[] = [];
		const lat: number[] = [];
		const category: string[] = [];
		const rule: string[] = [];
		for (let i = 0; i < n; i++) {
			const [clon, clat] = r.pick(picks);
			// roughly normal: ±0.15° (~15 km) around the capital, or ±0.5° across the prefecture
			const width = r.chance(0.5) ? 0.1 : 0.33;
			const spread = () => (r.next() + r.next() + r.next() - 1.5) * width;
			lon.push(+(clon + spread()).toFixed(6));
			lat.push(+(clat + spread() * 0.8).toFixed(6));
			category.push(r.pick(CATEGORIES));
			rule.push(r.pick(RULES));
		}
		await asSystem(driver, async (tx) => {
			await tx.exec(`set local session_replication_role = replica`);
			await tx.query(
				`with src as (
				   select gen_random_uuid() as id, t.lon, t.lat, t.category, t.rule, t.ord
				   from unnest($3::float8[], $4::float8[], $5::text[], $6::text[]) with ordinality as t(lon, lat, category, rule, ord)
				 ), p as (
				   insert into public.places (id, municipality_id, organization_id, name, category, target_groups,
				     accommodations, status, disclosure, public_location, public_address, verified_at)
				   select id, $1, $2, '合成 ' || category || ' ' || ($7 + ord), category::public.category, '{anyone}',
				     '{solo_ok}', 'published', 'exact',
				     extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)::extensions.geography,
				     '合成データ', now() - (ord % 300) * interval '1 day'
				   from src
				 ), l as (
				   insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
				   select id, $2, $1, extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)::extensions.geography, '合成データ'
				   from src
				 )
				 insert into public.activities (municipality_id, organization_id, place_id, title, rrule, dtstart, start_time, end_time)
				 select $1, $2, id, '活動', rule, date '2026-04-01', time '10:00', time '12:00' from src`,
				[m.id, SYNTHETIC_ORG, lon, lat, category, rule, start]
			);
		});
	}
	// a bulk load leaves the planner without statistics until autovacuum comes round
	await asSystem(driver, (tx) => tx.exec('analyze public.places; analyze public.place_locations; analyze public.activities'));
}
