/**
 * Listings as their organisation and the municipality's staff edit them: a place, its exact
 * location, its activities and openings. Every statement runs under the caller's claims —
 * RLS decides who may write what; these functions add optimistic locking (the version
 * column), idempotent creation (the form's id) and the history's `via`.
 */
import {
	placeFieldsOf,
	placeRowOf,
	scheduleColumnsOf,
	scheduleFieldsOf,
	openingRowOf,
	type ActivityFields,
	type LocationRow,
	type OpeningFields,
	type PlaceFields,
	type PlaceRow
} from '$lib/domain/registration/place-values';
import type { PlaceStatus } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';
import { scheduleColumns, scheduleFromRow, type ScheduleRow } from '../places/schedules';

/** How a change came about, for the history (place_history.via). */
export type Via = 'form' | 'approval' | 'trusted' | 'moderator' | 'import' | 'submission';

export async function setVia(tx: Tx, via: Via): Promise<void> {
	await tx.query(`select set_config('tsunagari.via', $1, true)`, [via]);
}

export interface PlaceMeta {
	id: string;
	organizationId: string;
	organizationName: string;
	municipalityId: string;
	trusted: boolean;
	status: PlaceStatus;
	version: number;
	verifiedAt: Date | null;
	updatedAt: Date;
	category: string;
	name: string;
}

export interface PlaceRecord {
	meta: PlaceMeta;
	fields: PlaceFields;
}

const PLACE_SELECT = `
	select p.id, p.organization_id as "organizationId", o.name as "organizationName", p.municipality_id as "municipalityId",
	  o.trusted, p.status::text as status, p.version, p.verified_at as "verifiedAt", p.updated_at as "updatedAt",
	  p.name, p.name_kana, p.category::text as category, p.summary, p.description,
	  p.target_groups::text[] as target_groups, p.accommodations::text[] as accommodations,
	  p.venue_type::text as venue_type, p.venue_name, p.fee_yen, p.fee_note, p.accessibility, p.access_note,
	  p.contact_phone, p.contact_email, p.website, p.disclosure::text as disclosure,
	  l.address, l.postal_code, round(st_x(l.location::geometry)::numeric, 6)::float8 as lon,
	  round(st_y(l.location::geometry)::numeric, 6)::float8 as lat
	from public.places p
	join public.organizations o on o.id = p.organization_id
	left join public.place_locations l on l.place_id = p.id`;

type PlaceSelectRow = PlaceMeta & PlaceRow & { address: string | null; postal_code: string | null; lon: number | null; lat: number | null };

function toListing(r: PlaceSelectRow): PlaceRecord {
	const location: LocationRow | null =
		r.address !== null && r.lon !== null && r.lat !== null
			? { address: r.address, postal_code: r.postal_code, lon: r.lon, lat: r.lat }
			: null;
	return {
		meta: {
			id: r.id,
			organizationId: r.organizationId,
			organizationName: r.organizationName,
			municipalityId: r.municipalityId,
			trusted: r.trusted,
			status: r.status,
			version: r.version,
			verifiedAt: r.verifiedAt,
			updatedAt: r.updatedAt,
			category: r.category,
			name: r.name
		},
		fields: placeFieldsOf(r, location)
	};
}

/** A listing the caller may see (their organisation's, or their municipality's as staff). */
export async function getPlaceRecord(tx: Tx, id: string): Promise<PlaceRecord | null> {
	const [row] = await tx.query<PlaceSelectRow>(`${PLACE_SELECT} where p.id = $1`, [id]);
	return row ? toListing(row) : null;
}

/** The deepest area (自治会 before 地区 before 圏域) covering the point, so area filters find it. */
async function areaAt(tx: Tx, municipalityId: string, lon: number, lat: number): Promise<string | null> {
	const [row] = await tx.query<{ id: string }>(
		`select id from public.areas where municipality_id = $1 and boundary is not null
		   and st_covers(boundary, st_setsrid(st_makepoint($2, $3), 4326)::geography)
		 order by st_area(boundary) asc limit 1`,
		[municipalityId, lon, lat]
	);
	return row?.id ?? null;
}

const PLACE_COLUMNS = `name, name_kana, category, summary, description, target_groups, accommodations, venue_type,
	venue_name, fee_yen, fee_note, accessibility, access_note, contact_phone, contact_email, website, disclosure`;

function placeParams(p: PlaceRow): unknown[] {
	return [
		p.name,
		p.name_kana,
		p.category,
		p.summary,
		p.description,
		p.target_groups,
		p.accommodations,
		p.venue_type,
		p.venue_name,
		p.fee_yen,
		p.fee_note,
		p.accessibility,
		p.access_note,
		p.contact_phone,
		p.contact_email,
		p.website,
		p.disclosure
	];
}

/** $n placeholders for the place columns starting at `from`, enum arrays cast through text[]. */
function placePlaceholders(from: number): string[] {
	return Array.from({ length: 17 }, (_, i) => {
		const n = `$${from + i}`;
		if (i === 5) return `${n}::text[]::public.target_group[]`;
		if (i === 6) return `${n}::text[]::public.accommodation[]`;
		if (i === 2) return `${n}::public.category`;
		if (i === 7) return `${n}::public.venue_type`;
		if (i === 16) return `${n}::public.disclosure_level`;
		return n;
	});
}

async function writeLocation(tx: Tx, placeId: string, orgId: string, municipalityId: string, location: LocationRow | null): Promise<void> {
	if (!location) {
		await tx.query('delete from public.place_locations where place_id = $1', [placeId]);
		return;
	}
	await tx.query(
		`insert into public.place_locations (place_id, organization_id, municipality_id, location, address, postal_code)
		 values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326)::geography, $6, $7)
		 on conflict (place_id) do update set location = excluded.location, address = excluded.address, postal_code = excluded.postal_code
		 where place_locations.location is distinct from excluded.location or place_locations.address is distinct from excluded.address
		   or place_locations.postal_code is distinct from excluded.postal_code`,
		[placeId, orgId, municipalityId, location.lon, location.lat, location.address, location.postal_code]
	);
}

export interface NewListing {
	id: string;
	organizationId: string;
	fields: PlaceFields;
	activity: ActivityFields & { id: string };
}

/**
 * A new draft listing: the place (id chosen when the form was opened, so sending the form twice
 * makes one listing), its location and first activity. Returns false when it already existed.
 */
export async function createListing(tx: Tx, l: NewListing): Promise<boolean> {
	if ((await tx.query('select 1 from public.places where id = $1', [l.id])).length) return false;
	const [org] = await tx.query<{ municipality_id: string }>('select municipality_id from public.organizations where id = $1', [
		l.organizationId
	]);
	if (!org) throw Object.assign(new Error('no such organization'), { code: '42501' });
	const { place, location } = placeRowOf(l.fields);
	const area = location ? await areaAt(tx, org.municipality_id, location.lon, location.lat) : null;
	await setVia(tx, 'form');
	await tx.query(
		`insert into public.places (id, municipality_id, organization_id, area_id, status, ${PLACE_COLUMNS})
		 values ($1, $2, $3, $4, 'draft', ${placePlaceholders(5).join(', ')})`,
		[l.id, org.municipality_id, l.organizationId, area, ...placeParams(place)]
	);
	await writeLocation(tx, l.id, l.organizationId, org.municipality_id, location);
	await insertActivity(tx, l.id, l.activity.id, l.activity);
	return true;
}

export type Saved = { ok: true; version: number } | { ok: false; reason: 'conflict' | 'not_found' };

/** Saves the place's fields if nobody saved it since `version` was read. */
export async function updatePlace(tx: Tx, id: string, version: number, fields: PlaceFields, via: Via): Promise<Saved> {
	const current = await getPlaceRecord(tx, id);
	if (!current) return { ok: false, reason: 'not_found' };
	if (current.meta.version !== version) return { ok: false, reason: 'conflict' };
	const { place, location } = placeRowOf(fields);
	const area = location ? await areaAt(tx, current.meta.municipalityId, location.lon, location.lat) : null;
	await setVia(tx, via);
	const rows = await tx.query<{ version: number }>(
		`update public.places set (area_id, ${PLACE_COLUMNS}) = ($3, ${placePlaceholders(4).join(', ')})
		 where id = $1 and version = $2 returning version`,
		[id, version, area, ...placeParams(place)]
	);
	if (!rows.length) return { ok: false, reason: 'conflict' };
	await writeLocation(tx, id, current.meta.organizationId, current.meta.municipalityId, location);
	const [{ v }] = await tx.query<{ v: number }>('select version as v from public.places where id = $1', [id]);
	return { ok: true, version: v };
}

/** Whether the caller may change the listing's fields directly (else: a change request). */
export async function canEditDirectly(tx: Tx, id: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		`select (p.status in ('draft', 'submitted') and p.organization_id = any (private.user_organization_ids('{volunteer,admin}')))
		   or (p.status = 'published' and o.trusted and p.organization_id = any (private.user_organization_ids('{volunteer,admin}')))
		   or p.municipality_id = any (private.user_municipality_ids('{moderator}')) as ok
		 from public.places p join public.organizations o on o.id = p.organization_id where p.id = $1`,
		[id]
	);
	return row?.ok ?? false;
}

/** Whether the caller is a member (volunteer or admin) of the organisation. */
export async function isMemberOf(tx: Tx, organizationId: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(`select $1::uuid = any (private.user_organization_ids('{volunteer,admin}')) as ok`, [
		organizationId
	]);
	return row?.ok ?? false;
}

export async function isModeratorOf(tx: Tx, municipalityId: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(`select $1::uuid = any (private.user_municipality_ids('{moderator}')) as ok`, [
		municipalityId
	]);
	return row?.ok ?? false;
}

// ── activities ─────────────────────────────────────────────────────────────────────────────

export interface PlaceActivity {
	id: string;
	version: number;
	fields: ActivityFields;
	/** the stored rule is not one the builder can show */
	unsupported: boolean;
	schedule: ReturnType<typeof scheduleFromRow>;
}

export async function activitiesOfPlace(tx: Tx, placeId: string): Promise<PlaceActivity[]> {
	const rows = await tx.query<ScheduleRow & { id: string; version: number; title: string; description: string | null }>(
		`select a.id, a.version, a.title, a.description, ${scheduleColumns('a')} from public.activities a
		 where a.place_id = $1 order by a.created_at, a.id`,
		[placeId]
	);
	return rows.map((r) => {
		const schedule = scheduleFromRow(r);
		const { fields, unsupported } = scheduleFieldsOf(schedule, r.schedule_note);
		return { id: r.id, version: r.version, schedule, unsupported, fields: { title: r.title, description: r.description ?? '', ...fields } };
	});
}

const ACTIVITY_COLUMNS = 'title, description, rrule, dtstart, until, start_time, end_time, holiday_policy, closures, schedule_note';

function activityParams(f: ActivityFields): unknown[] {
	const s = scheduleColumnsOf(f);
	return [
		f.title,
		f.description.trim() || null,
		s.rrule,
		s.dtstart,
		s.until,
		s.start_time,
		s.end_time,
		s.holiday_policy,
		JSON.stringify(s.closures),
		s.schedule_note
	];
}

/** Adds an activity (id from the form: a repeat is a no-op). Returns false when it existed. */
export async function insertActivity(tx: Tx, placeId: string, id: string, f: ActivityFields): Promise<boolean> {
	if ((await tx.query('select 1 from public.activities where id = $1', [id])).length) return false;
	const [p] = await tx.query<{ organization_id: string; municipality_id: string }>(
		'select organization_id, municipality_id from public.places where id = $1',
		[placeId]
	);
	if (!p) throw Object.assign(new Error('no such place'), { code: '42501' });
	await tx.query(
		`insert into public.activities (id, place_id, organization_id, municipality_id, ${ACTIVITY_COLUMNS})
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)`,
		[id, placeId, p.organization_id, p.municipality_id, ...activityParams(f)]
	);
	return true;
}

export async function updateActivity(tx: Tx, id: string, version: number, f: ActivityFields, via: Via): Promise<Saved> {
	await setVia(tx, via);
	const rows = await tx.query<{ version: number }>(
		`update public.activities set (${ACTIVITY_COLUMNS}) = ($3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
		 where id = $1 and version = $2 returning version`,
		[id, version, ...activityParams(f)]
	);
	if (rows.length) return { ok: true, version: rows[0].version };
	const exists = await tx.query('select 1 from public.activities where id = $1', [id]);
	return { ok: false, reason: exists.length ? 'conflict' : 'not_found' };
}

export async function deleteActivity(tx: Tx, id: string, via: Via): Promise<boolean> {
	await setVia(tx, via);
	return (await tx.query('delete from public.activities where id = $1 returning id', [id])).length > 0;
}

// ── openings ───────────────────────────────────────────────────────────────────────────────

export interface PlaceOpening {
	id: string;
	version: number;
	fields: OpeningFields;
	unsupported: boolean;
	schedule: ReturnType<typeof scheduleFromRow>;
}

export async function openingsOfPlace(tx: Tx, placeId: string): Promise<PlaceOpening[]> {
	const rows = await tx.query<
		ScheduleRow & {
			id: string;
			version: number;
			activity_id: string | null;
			title: string;
			description: string | null;
			capacity: number;
			accommodations: string[];
			target_groups: string[];
			interests: string[];
			goals: string[];
			age_min: number | null;
			age_max: number | null;
			visibility: string;
			status: string;
		}
	>(
		`select o.id, o.version, o.activity_id, o.title, o.description, o.capacity, o.accommodations::text[] as accommodations,
		   o.target_groups::text[] as target_groups, o.interests, o.goals, o.age_min, o.age_max, o.visibility::text as visibility, o.status::text as status,
		   ${scheduleColumns('o')}
		 from public.openings o where o.place_id = $1 order by o.created_at, o.id`,
		[placeId]
	);
	return rows.map((r) => {
		const schedule = scheduleFromRow(r);
		const { fields, unsupported } = scheduleFieldsOf(schedule, r.schedule_note);
		return {
			id: r.id,
			version: r.version,
			schedule,
			unsupported,
			fields: {
				...fields,
				activity_id: r.activity_id ?? '',
				title: r.title,
				description: r.description ?? '',
				capacity: String(r.capacity),
				accommodations: r.accommodations,
				target_groups: r.target_groups,
				interests: r.interests,
				goals: r.goals,
				age_min: r.age_min === null ? '' : String(r.age_min),
				age_max: r.age_max === null ? '' : String(r.age_max),
				visibility: r.visibility,
				status: r.status
			}
		};
	});
}

const OPENING_COLUMNS = `activity_id, title, description, capacity, accommodations, target_groups, age_min, age_max, visibility, status,
	rrule, dtstart, until, start_time, end_time, holiday_policy, closures, schedule_note, interests, goals`;
const OPENING_VALUES = (from: number) =>
	[
		`$${from}::uuid`,
		`$${from + 1}`,
		`$${from + 2}`,
		`$${from + 3}`,
		`$${from + 4}::text[]::public.accommodation[]`,
		`$${from + 5}::text[]::public.target_group[]`,
		`$${from + 6}`,
		`$${from + 7}`,
		`$${from + 8}::public.opening_visibility`,
		`$${from + 9}::public.opening_status`,
		`$${from + 10}`,
		`$${from + 11}`,
		`$${from + 12}`,
		`$${from + 13}`,
		`$${from + 14}`,
		`$${from + 15}::public.holiday_policy`,
		`$${from + 16}::jsonb`,
		`$${from + 17}`,
		`$${from + 18}::text[]`,
		`$${from + 19}::text[]`
	].join(', ');

function openingParams(f: OpeningFields): unknown[] {
	const r = openingRowOf(f);
	return [
		r.activity_id,
		r.title,
		r.description,
		r.capacity,
		r.accommodations,
		r.target_groups,
		r.age_min,
		r.age_max,
		r.visibility,
		r.status,
		r.rrule,
		r.dtstart,
		r.until,
		r.start_time,
		r.end_time,
		r.holiday_policy,
		JSON.stringify(r.closures),
		r.schedule_note,
		r.interests,
		r.goals
	];
}

export async function insertOpening(tx: Tx, placeId: string, id: string, f: OpeningFields): Promise<boolean> {
	if ((await tx.query('select 1 from public.openings where id = $1', [id])).length) return false;
	const [p] = await tx.query<{ organization_id: string; municipality_id: string }>(
		'select organization_id, municipality_id from public.places where id = $1',
		[placeId]
	);
	if (!p) throw Object.assign(new Error('no such place'), { code: '42501' });
	await setVia(tx, 'form');
	await tx.query(
		`insert into public.openings (id, place_id, organization_id, municipality_id, ${OPENING_COLUMNS})
		 values ($1, $2, $3, $4, ${OPENING_VALUES(5)})`,
		[id, placeId, p.organization_id, p.municipality_id, ...openingParams(f)]
	);
	return true;
}

export async function updateOpening(tx: Tx, id: string, version: number, f: OpeningFields): Promise<Saved> {
	await setVia(tx, 'form');
	const rows = await tx.query<{ version: number }>(
		`update public.openings set (${OPENING_COLUMNS}) = (${OPENING_VALUES(3)}) where id = $1 and version = $2 returning version`,
		[id, version, ...openingParams(f)]
	);
	if (rows.length) return { ok: true, version: rows[0].version };
	const exists = await tx.query('select 1 from public.openings where id = $1', [id]);
	return { ok: false, reason: exists.length ? 'conflict' : 'not_found' };
}

export async function deleteOpening(tx: Tx, id: string): Promise<boolean> {
	await setVia(tx, 'form');
	return (await tx.query('delete from public.openings where id = $1 returning id', [id])).length > 0;
}

/** Where a map of the municipality opens [lon, lat]: the middle of its areas, or of its places. */
export async function municipalityCenter(tx: Tx, municipalityId: string): Promise<[number, number]> {
	const [row] = await tx.query<{ lon: number | null; lat: number | null }>(
		`select st_x(c) as lon, st_y(c) as lat from (
		   select coalesce(
		     (select st_centroid(st_collect(boundary::geometry)) from public.areas where municipality_id = $1 and boundary is not null),
		     (select st_centroid(st_collect(public_location::geometry)) from public.places where municipality_id = $1 and public_location is not null)
		   ) as c
		 ) x`,
		[municipalityId]
	);
	return row?.lon != null && row.lat != null ? [row.lon, row.lat] : [138.25, 36.2];
}

/** Whether the caller may work on the listing at all: a member (volunteer, admin) of its organisation or a moderator of its municipality. */
export async function canWorkOn(tx: Tx, placeId: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		`select p.organization_id = any (private.user_organization_ids('{volunteer,admin}'))
		   or p.municipality_id = any (private.user_municipality_ids('{moderator}')) as ok
		 from public.places p where p.id = $1`,
		[placeId]
	);
	return row?.ok ?? false;
}
