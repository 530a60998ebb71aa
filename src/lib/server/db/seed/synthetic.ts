/**
 * Large synthetic data sets for benchmarks: `npm run db:seed -- --places 100000`.
 * Places cluster around Japan's big cities the way real listings do, under one synthetic
 * municipality. Bookkeeping triggers are switched off for the bulk insert (system path only),
 * so public_location is written directly as the exact point.
 */
import { CATEGORIES } from '$lib/domain/taxonomy';
import { asSystem } from '../system';
import type { Driver } from '../types';
import { demoId, seededRandom } from './random';

const CITIES: [lon: number, lat: number, weight: number][] = [
	[139.69, 35.69, 20], [139.64, 35.44, 8], [135.5, 34.69, 12], [136.91, 35.18, 8], [141.35, 43.06, 6],
	[130.4, 33.59, 6], [140.87, 38.27, 4], [132.46, 34.39, 4], [135.77, 35.01, 4], [135.19, 34.69, 4],
	[139.02, 37.92, 3], [138.38, 34.98, 3], [130.71, 32.8, 3], [130.56, 31.6, 2], [127.68, 26.21, 2],
	[140.12, 35.61, 4], [139.65, 35.86, 4], [133.92, 34.66, 2], [132.77, 33.84, 2], [137.21, 36.7, 2]
];

export const SYNTHETIC_MUNICIPALITY = { id: demoId('municipality:synthetic'), code: '479985', name: '合成データ市', prefecture: '沖縄県' };
const SYNTHETIC_ORG = demoId('org:synthetic');
const RULES = ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=TU,FR', 'FREQ=MONTHLY;BYDAY=2WE,4WE', 'FREQ=MONTHLY;BYMONTHDAY=15'];

export async function seedSyntheticPlaces(driver: Driver, count: number, seed = 7): Promise<void> {
	const r = seededRandom(seed);
	const picks = CITIES.flatMap(([lon, lat, w]) => Array.from({ length: w }, () => [lon, lat] as const));
	const m = SYNTHETIC_MUNICIPALITY;
	await asSystem(driver, async (tx) => {
		await tx.query(
			`insert into public.municipalities (id, code, name, prefecture) values ($1, $2, $3, $4) on conflict (id) do nothing`,
			[m.id, m.code, m.name, m.prefecture]
		);
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
			// roughly normal spread of ~15 km around the centre
			const spread = () => (r.next() + r.next() + r.next() - 1.5) * 0.25;
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
}
