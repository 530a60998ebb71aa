/**
 * Issue 10 item 8: how much of where a place is the public can learn, measured on every public
 * output as a visitor gets it — the route handlers called as SvelteKit calls them, as anon, on
 * the demo town. The real point is read on the system path; the public never reaches it.
 *
 * - approximate: every coordinate pair in anything published about the place is ≥ 350 m from it.
 * - 窓口のみ: nothing published about it holds its venue name, access note, address (any part down to 町丁目),
 *   自治会 or 小学校区 name, or any coordinate; its venue name and 自治会 do not find it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANON } from '../../src/lib/server/platform/db/index';
import { DEMO_MUNICIPALITY } from '../../scripts/seed/index';
import { openTestDb, requestLocals, routeEvent, type TestDb } from './helpers';

type Handler = (event: unknown) => Promise<unknown>;
const route = async (path: string) => (await import(/* @vite-ignore */ path)) as { load?: Handler; GET?: Handler };

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

/** A request as the session hook leaves it for a signed-out visitor. */
const anonEvent = (path: string, params: Record<string, string> = {}) => routeEvent(requestLocals(db, ANON), path, { params });

const text = async (r: unknown) => (r as Response).text();

/** RFC 4180, as toCsv writes it. */
function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const s = csv.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted && c === '"' && s[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (quoted && c === '"') quoted = false;
		else if (quoted) cell += c;
		else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && s[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

interface Real {
	id: string;
	name: string;
	disclosure: string;
	lon: number;
	lat: number;
	address: string;
	venueName: string | null;
	accessNote: string | null;
	/** names of the areas a 窓口のみ place must not be named by: its 自治会/町丁目/小学校区 and their like */
	smallAreas: string[];
}

/** Everything the public outputs say about each published place, as text, by place id. */
async function publishedAbout(): Promise<Map<string, Record<string, string>>> {
	const out = new Map<string, Record<string, string>>();
	const put = (id: string, output: string, body: string) => {
		const o = out.get(id) ?? {};
		o[output] = (o[output] ?? '') + body;
		out.set(id, o);
	};
	const ids = await db.as(ANON, (tx) => tx.query<{ id: string }>(`select id from public.places where status = 'published'`));

	const page = await route('../../src/routes/(public)/places/[id]/+page.server.ts');
	const ics = await route('../../src/routes/(public)/places/[id]/calendar.ics/+server.ts');
	for (const { id } of ids) {
		put(id, 'page data', JSON.stringify(await page.load!(anonEvent(`/places/${id}`, { id }))));
		put(id, '.ics', await text(await ics.GET!(anonEvent(`/places/${id}/calendar.ics`, { id }))));
	}

	const search = await route('../../src/routes/(public)/+page.server.ts');
	for (let n = 1; ; n++) {
		const data = (await search.load!(anonEvent(`/?page=${n}`))) as { places: { id: string }[] };
		for (const card of data.places) put(card.id, 'search page', JSON.stringify(card));
		if (!data.places.length) break;
	}

	const geojson = JSON.parse(
		await text(await (await route('../../src/routes/api/places.geojson/+server.ts')).GET!(anonEvent('/api/places.geojson')))
	);
	for (const f of geojson.features) put(f.properties.id, 'GeoJSON', JSON.stringify(f));

	const [placesHead, ...placeRows] = parseCsv(
		await text(await (await route('../../src/routes/api/places.csv/+server.ts')).GET!(anonEvent('/api/places.csv')))
	);
	for (const r of placeRows) put(r[placesHead.indexOf('ID')], 'places.csv', r.join(','));

	const [eventsHead, ...eventRows] = parseCsv(
		await text(await (await route('../../src/routes/api/events.csv/+server.ts')).GET!(anonEvent('/api/events.csv')))
	);
	for (const r of eventRows) put(r[eventsHead.indexOf('URL')].split('/places/')[1], 'events.csv', r.join(','));

	const hsds = await route('../../src/routes/api/hsds/services/+server.ts');
	for (let n = 1; ; n++) {
		const body = JSON.parse(await text(await hsds.GET!(anonEvent(`/api/hsds/services?per_page=100&page=${n}`))));
		for (const s of body.contents) put(s.id, 'HSDS', JSON.stringify(s));
		if (body.last_page) break;
	}

	const print = (await (
		await route('../../src/routes/(public)/print/+page.server.ts')
	).load!(anonEvent('/print'))) as {
		groups: { area: string; categories: { items: { id: string }[] }[] }[];
	};
	for (const g of print.groups)
		for (const c of g.categories) for (const item of c.items) put(item.id, 'print', JSON.stringify({ ...item, area: g.area }));
	return out;
}

/** Every (lon, lat) a text could be read as giving: decimal numbers in Japan's ranges. */
function coordinatePairs(body: string): [number, number][] {
	const numbers = [...body.matchAll(/\d{2,3}\.\d+/g)].map((m) => Number(m[0]));
	const lons = numbers.filter((n) => n >= 122 && n <= 154);
	const lats = numbers.filter((n) => n >= 20 && n <= 46);
	return lons.flatMap((lon) => lats.map((lat) => [lon, lat] as [number, number]));
}

let real: Real[];
let published: Map<string, Record<string, string>>;
beforeAll(async () => {
	real = await db.system((tx) =>
		tx.query<Real>(
			`select p.id, p.name, p.disclosure::text as disclosure, st_x(l.location::geometry) as lon, st_y(l.location::geometry) as lat,
			   l.address, p.venue_name as "venueName", p.access_note as "accessNote",
			   coalesce((with recursive up as (select a.id, a.parent_id, a.kind, a.name from public.areas a where a.id = p.area_id
			               union all select a.id, a.parent_id, a.kind, a.name from public.areas a join up on a.id = up.parent_id)
			             select array_agg(name) from up where kind in ('neighborhood', 'chome', 'school_district')), '{}') as "smallAreas"
			 from public.places p join public.place_locations l on l.place_id = p.id
			 where p.status = 'published' order by p.name`
		)
	);
	published = await publishedAbout();
}, 120_000);

describe('location privacy on every public output (issue 10 item 8)', () => {
	it('every output is read for every published place', () => {
		expect(real.length).toBeGreaterThan(100);
		for (const p of real.filter((x) => x.disclosure !== 'contact_only'))
			expect(Object.keys(published.get(p.id) ?? {}), p.name).toEqual(
				expect.arrayContaining(['page data', '.ics', 'search page', 'GeoJSON', 'places.csv', 'HSDS', 'print'])
			);
	});

	it('an approximate place: every published coordinate is at least 350 m from the real point', async () => {
		const approximate = real.filter((p) => p.disclosure === 'approximate');
		expect(approximate.length).toBeGreaterThanOrEqual(5);
		const rows: { id: string; output: string; lon: number; lat: number; rlon: number; rlat: number }[] = [];
		for (const p of approximate)
			for (const [output, body] of Object.entries(published.get(p.id) ?? {}))
				for (const [lon, lat] of coordinatePairs(body)) rows.push({ id: p.id, output, lon, lat, rlon: p.lon, rlat: p.lat });
		// each approximate place shows its point on the page, in GeoJSON, both CSVs and HSDS
		expect(new Set(rows.map((r) => `${r.id} ${r.output}`)).size).toBeGreaterThanOrEqual(approximate.length * 4);
		const nearest = await db.system((tx) =>
			tx.query<{ id: string; outputs: string[]; metres: number }>(
				`select t.id, array_agg(distinct t.output order by t.output) as outputs,
				   min(st_distance(st_setsrid(st_makepoint(t.lon, t.lat), 4326)::geography,
				     st_setsrid(st_makepoint(t.rlon, t.rlat), 4326)::geography)) as metres
				 from jsonb_to_recordset($1::jsonb) as t(id uuid, output text, lon float8, lat float8, rlon float8, rlat float8)
				 group by t.id order by metres`,
				[JSON.stringify(rows)]
			)
		);
		expect(nearest.length).toBe(approximate.length);
		const near = nearest.filter((m) => m.metres < 350).map((m) => `${Math.round(m.metres)} m in ${m.outputs.join(', ')}`);
		expect(near, `nearest published point: ${Math.round(nearest[0].metres)} m`).toEqual([]);
	});

	it('a 窓口のみ place: no output holds its venue, address, 自治会 or any coordinate', () => {
		const hidden = real.filter((p) => p.disclosure === 'contact_only');
		expect(hidden.length).toBeGreaterThanOrEqual(3);
		const town = `${DEMO_MUNICIPALITY.prefecture}${DEMO_MUNICIPALITY.name}`;
		const leaks: string[] = [];
		for (const p of hidden) {
			const chome = p.address.replace(town, '').match(/^.+?丁目/)?.[0];
			const secrets = [p.venueName, p.accessNote, p.address, chome, ...p.smallAreas].filter((s): s is string => !!s);
			expect(secrets.length, p.name).toBeGreaterThanOrEqual(5);
			const outputs = published.get(p.id) ?? {};
			expect(Object.keys(outputs), p.name).toEqual(expect.arrayContaining(['page data', '.ics', 'places.csv', 'HSDS', 'print']));
			expect(outputs['GeoJSON'], p.name).toBeUndefined();
			for (const [output, body] of Object.entries(outputs)) {
				for (const s of secrets) if (body.includes(s)) leaks.push(`${p.name} ${output}: ${s}`);
				if (coordinatePairs(body).length) leaks.push(`${p.name} ${output}: coordinates`);
				if (/^(LOCATION|GEO)[:;]/m.test(body)) leaks.push(`${p.name} ${output}: ${body.match(/^(LOCATION|GEO).*$/m)![0]}`);
			}
		}
		expect(leaks).toEqual([]);
	});

	it('a venue name or a 自治会 does not find a place that hides them', async () => {
		const search = await route('../../src/routes/(public)/+page.server.ts');
		const areas = await db.system((tx) => tx.query<{ id: string; name: string }>(`select id, name from public.areas`));
		const found: string[] = [];
		for (const p of real.filter((x) => x.disclosure !== 'exact' && x.venueName)) {
			const byVenue = (await search.load!(anonEvent(`/?q=${encodeURIComponent(p.venueName!)}`))) as { places: { id: string }[] };
			if (byVenue.places.some((c) => c.id === p.id)) found.push(`${p.name} by its venue ${p.venueName}`);
		}
		for (const p of real.filter((x) => x.disclosure === 'contact_only'))
			for (const name of p.smallAreas) {
				const area = areas.find((a) => a.name === name)!;
				const byArea = (await search.load!(anonEvent(`/?area=${area.id}`))) as { places: { id: string }[]; total: number };
				expect(byArea.total).toBeLessThanOrEqual(30);
				if (byArea.places.some((c) => c.id === p.id)) found.push(`${p.name} by ${name}`);
			}
		expect(found).toEqual([]);
	});

	it('the public cannot read the exact point, the venue name or the area of any place directly', async () => {
		for (const sql of [
			`select location from public.place_locations limit 1`,
			`select venue_name from public.places limit 1`,
			`select area_id from public.places limit 1`,
			`select access_note from public.places limit 1`,
			`select * from public.places limit 1`
		])
			await expect(
				db.as(ANON, (tx) => tx.query(sql)),
				sql
			).rejects.toMatchObject({ code: '42501' });
	});
});
