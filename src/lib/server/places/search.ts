/**
 * The public search, in SQL under the caller's claims (anon for residents): every filter of
 * SearchFilter becomes a bound parameter — no user text is ever spliced into the statement.
 */
import { CONFIRMATION_INTERVAL_DAYS, OVERDUE_GRACE_DAYS } from '$lib/domain/places/freshness';
import { codesNamed, missKey, SPELLINGS, suggest, variantsOf, type LabelTable } from '$lib/domain/places/keywords';
import type { SearchFilter } from '$lib/domain/places/search';
import { DAY_MS, endOfJstDay, endOfJstWeek } from '$lib/domain/shared/schedule/jst';
import { ACCOMMODATIONS, CATEGORIES, TARGET_GROUPS } from '$lib/domain/shared/taxonomy';
import type { Accommodation, Category, DisclosureLevel, TargetGroup } from '$lib/domain/shared/taxonomy';
import { label, type Vocabulary } from '$lib/i18n/index';
import type { Tx } from '../platform/db/types';

export const PAGE_SIZE = 30;
const LOOKAHEAD_MS = 8 * 7 * DAY_MS;

export interface PlaceHit {
	id: string;
	name: string;
	category: Category;
	summary: string | null;
	publicAddress: string | null;
	disclosure: DisclosureLevel;
	feeYen: number | null;
	accommodations: Accommodation[];
	targetGroups: TargetGroup[];
	organizationName: string | null;
	areaName: string | null;
	lon: number | null;
	lat: number | null;
	distanceM: number | null;
	nextStart: Date | null;
	nextEnd: Date | null;
	verifiedAt: Date | null;
}

/** A vocabulary's labels as a person may type them: from the message catalogue, in both languages. */
function labelTable(vocabulary: Vocabulary, codes: readonly string[]): LabelTable {
	return Object.fromEntries(codes.map((c) => [c, [label(vocabulary, c, 'ja'), label(vocabulary, c, 'en')]]));
}
let tables: { category: LabelTable; target_group: LabelTable; accommodation: LabelTable } | null = null;
/** The labels keywords are matched against (built once: the catalogue does not change at run time). */
export function searchLabels() {
	tables ??= {
		category: labelTable('category', CATEGORIES),
		target_group: labelTable('target_group', TARGET_GROUPS),
		accommodation: labelTable('accommodation', ACCOMMODATIONS)
	};
	return tables;
}

/**
 * One keyword's condition: any of its spellings in the place's own text, or a category, target
 * or 配慮 whose label contains it, or an area (with every area inside it) whose name contains it.
 */
function termCondition(term: string, bind: (v: unknown) => string): string {
	// each spelling is a LIKE pattern only after its own wildcards are escaped
	const variants = variantsOf(term);
	const patterns = bind(variants.map((v) => `%${v.replace(/[\\%_]/g, '\\$&')}%`));
	const labels = searchLabels();
	const or = [`p.search_text like any (${patterns}::text[])`];
	const categories = codesNamed(variants, labels.category);
	if (categories.length) or.push(`p.category::text = any (${bind(categories)}::text[])`);
	const targets = codesNamed(variants, labels.target_group);
	if (targets.length) or.push(`p.target_groups::text[] && ${bind(targets)}::text[]`);
	const accommodations = codesNamed(variants, labels.accommodation);
	if (accommodations.length) or.push(`p.accommodations::text[] && ${bind(accommodations)}::text[]`);
	if (variants[0].length >= 2)
		or.push(`p.public_area_id in (
			with recursive sub as (select id from public.areas where search_name like any (${patterns}::text[])
			  union all select a.id from public.areas a join sub on a.parent_id = sub.id)
			select id from sub)
		  or (p.public_area_id is null and exists (select 1 from public.areas a where a.search_name like any (${patterns}::text[]) and st_covers(a.boundary, p.public_location)))`);
	return `(${or.join('\n\t\t  or ')})`;
}

/** WHERE clause and parameters for a filter, on `public.places p`. */
export function whereOf(f: SearchFilter, now: Date): { sql: string; params: unknown[] } {
	const params: unknown[] = [];
	const bind = (v: unknown) => `$${params.push(v)}`;
	const and: string[] = [`p.status = 'published'`];

	if (f.categories.length) and.push(`p.category::text = any (${bind(f.categories)}::text[])`);
	if (f.targets.length) and.push(`p.target_groups::text[] && ${bind(f.targets)}::text[]`);
	if (f.accommodations.length) and.push(`p.accommodations::text[] @> ${bind(f.accommodations)}::text[]`);
	if (f.freeOnly) and.push(`p.fee_yen = 0`);
	if (f.placeId) and.push(`p.id = ${bind(f.placeId)}::uuid`);
	if (f.organizationId) and.push(`p.organization_id = ${bind(f.organizationId)}::uuid`);
	if (f.modifiedAfter) and.push(`p.updated_at > ${bind(f.modifiedAfter)}::timestamptz`);
	for (const term of f.terms) and.push(termCondition(term, bind));
	if (f.areaId) {
		const area = bind(f.areaId);
		and.push(`(p.public_area_id in (
			with recursive sub as (select id from public.areas where id = ${area}::uuid
			  union all select a.id from public.areas a join sub on a.parent_id = sub.id)
			select id from sub)
		  or (p.public_area_id is null and exists (select 1 from public.areas a where a.id = ${area}::uuid and st_covers(a.boundary, p.public_location))))`);
	}
	// Coordinates are compared as plain numbers first: those comparisons are leakproof, so the
	// planner can use the (public_lat, public_lon) index under RLS (see the migration).
	if (f.near) {
		const dLat = f.radius / 111_000;
		const dLon = f.radius / (111_000 * Math.cos((f.near.lat * Math.PI) / 180));
		and.push(`p.public_lat between ${bind(f.near.lat - dLat)} and ${bind(f.near.lat + dLat)}`);
		and.push(`p.public_lon between ${bind(f.near.lon - dLon)} and ${bind(f.near.lon + dLon)}`);
		and.push(
			`st_dwithin(p.public_location, st_setsrid(st_makepoint(${bind(f.near.lon)}, ${bind(f.near.lat)}), 4326)::geography, ${bind(f.radius)})`
		);
	}
	if (f.bbox) {
		const [w, s, e, n] = f.bbox;
		and.push(
			`p.public_lat between ${bind(s)}::float8 and ${bind(n)}::float8 and p.public_lon between ${bind(w)}::float8 and ${bind(e)}::float8`
		);
	}
	if (f.when || f.weekdays.length || f.bands.length) {
		const to = f.when === 'today' ? endOfJstDay(now) : f.when === 'week' ? endOfJstWeek(now) : new Date(now.getTime() + LOOKAHEAD_MS);
		const cond = [`o.place_id = p.id`, `o.ends_at > ${bind(now)}`, `o.starts_at < ${bind(to)}`];
		if (f.weekdays.length) cond.push(`extract(dow from o.starts_at at time zone 'Asia/Tokyo')::int = any (${bind(f.weekdays)}::int[])`);
		if (f.bands.length) cond.push(`o.bands && ${bind(f.bands)}::text[]`);
		and.push(`exists (select 1 from public.activity_occurrences o where ${cond.join(' and ')})`);
	}
	return { sql: and.join('\n  and '), params };
}

export async function searchPlaces(
	tx: Tx,
	f: SearchFilter,
	now: Date,
	pageSize = PAGE_SIZE
): Promise<{ places: PlaceHit[]; total: number }> {
	const { sql, params } = whereOf(f, now);
	const bind = (v: unknown) => `$${params.push(v)}`;
	const nowParam = bind(now);
	const distance = f.near
		? `st_distance(p.public_location, st_setsrid(st_makepoint(${bind(f.near.lon)}, ${bind(f.near.lat)}), 4326)::geography)`
		: 'null::float8';
	// Listings nobody has confirmed for too long (freshness: overdue) come after the others in
	// the default order; they are marked on their page, never hidden.
	const overdue = `(p.verified_at is null or p.verified_at <= ${nowParam}::timestamptz
		- make_interval(days => (${bind(JSON.stringify(CONFIRMATION_INTERVAL_DAYS))}::jsonb ->> p.category::text)::int + ${bind(OVERDUE_GRACE_DAYS)}::int))`;
	const order = {
		distance: `"distanceM" nulls last, p.name`,
		name: `p.name_kana nulls last, p.name`,
		next: `p.overdue, "nextStart" nulls last, p.name`
	}[f.sort];
	const rows = await tx.query<PlaceHit & { total: number }>(
		`with hits as (
		   select p.id, p.name, p.name_kana, p.category, p.summary, p.public_address, p.disclosure, p.fee_yen,
		     p.accommodations, p.target_groups, p.organization_id, p.public_area_id, p.public_location, p.verified_at,
		     ${distance} as "distanceM", ${overdue} as overdue,
		     (select min(o.starts_at) from public.activity_occurrences o where o.place_id = p.id and o.ends_at > ${nowParam}) as "nextStart"
		   from public.places p
		   where ${sql}
		 )
		 select p.id, p.name, p.category::text as category, p.summary, p.public_address as "publicAddress",
		   p.disclosure::text as disclosure, p.fee_yen as "feeYen", p.accommodations::text[] as accommodations,
		   p.target_groups::text[] as "targetGroups", org.name as "organizationName", a.name as "areaName",
		   st_x(p.public_location::geometry) as lon, st_y(p.public_location::geometry) as lat,
		   p."distanceM", p."nextStart",
		   (select o.ends_at from public.activity_occurrences o where o.place_id = p.id and o.starts_at = p."nextStart" limit 1) as "nextEnd",
		   p.verified_at as "verifiedAt", count(*) over ()::int as total
		 from hits p
		 left join public.organizations org on org.id = p.organization_id
		 left join public.areas a on a.id = p.public_area_id
		 order by ${order}
		 limit ${bind(pageSize)} offset ${bind((f.page - 1) * pageSize)}`,
		params
	);
	return { places: rows.map(({ total: _, ...hit }) => hit), total: rows[0]?.total ?? (await countAll(tx, f, now)) };
}

/** How many places match (a page past the end has no rows to carry the total). */
export async function countAll(tx: Tx, f: SearchFilter, now: Date): Promise<number> {
	const { sql, params } = whereOf(f, now);
	const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from public.places p where ${sql}`, params);
	return n;
}

/**
 * The matching places as a GeoJSON FeatureCollection, written as text by the database (faster
 * than json_build_object per feature; names escaped by to_json); `truncated` when more than
 * `limit` matched. 窓口のみ places have no point and are left out.
 */
export async function placeFeatures(tx: Tx, f: SearchFilter, now: Date, limit: number): Promise<string> {
	const { sql, params } = whereOf(f, now);
	params.push(limit);
	const n = `$${params.length}`;
	const [{ fc }] = await tx.query<{ fc: string }>(
		`with hits as (
		   select p.id, p.name, p.category, p.disclosure, p.public_location
		   from public.places p where ${sql} and p.public_location is not null
		   order by p.id limit ${n} + 1
		 ), shown as (
		   select * from hits order by id limit ${n}
		 )
		 select '{"type":"FeatureCollection","truncated":' || ((select count(*) from hits) > ${n})::text || ',"features":['
		   || coalesce(string_agg(
		        '{"type":"Feature","geometry":{"type":"Point","coordinates":['
		        || round(st_x(s.public_location::geometry)::numeric, 6) || ',' || round(st_y(s.public_location::geometry)::numeric, 6)
		        || ']},"properties":{"id":"' || s.id || '","name":' || to_json(s.name)::text || ',"category":"' || s.category
		        || '","approximate":' || (s.disclosure = 'approximate')::text || '}}',
		        ',' order by s.id), '')
		   || ']}' as fc
		 from shown s`,
		params
	);
	return fc;
}

/**
 * When a search found nothing: the 「もしかして」 keywords (each typo replaced by the nearest
 * label, spelling or area name, offered only when they find something), and the miss counted
 * for the unmet-need report — its folded text only, and only when missKey allows keeping it.
 */
export async function nothingFound(tx: Tx, f: SearchFilter, now: Date): Promise<{ suggestion: string | null }> {
	if (!f.terms.length) return { suggestion: null };
	const key = missKey(f.terms);
	if (key) await tx.query(`select public.count_search_miss($1, $2::uuid)`, [key, f.areaId]);
	const areas = await tx.query<{ name: string }>(`select distinct name from public.areas`);
	const labels = Object.values(searchLabels()).flatMap((t) => Object.values(t).flat());
	const suggestion = suggest(f.terms, [...labels, ...SPELLINGS.flat(), ...areas.map((a) => a.name)]);
	if (!suggestion) return { suggestion: null };
	const found = await countAll(tx, { ...f, terms: suggestion.split(' '), page: 1 }, now);
	return { suggestion: found > 0 ? suggestion : null };
}
