/**
 * Queries about places for the public pages, always inside locals.db (RLS decides).
 */
import type { Schedule } from '$lib/domain/shared/schedule';
import type { AreaOption } from '$lib/domain/places/types';
import type { Accommodation, Category, DisclosureLevel, TargetGroup, VenueType } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';
import { scheduleColumns, scheduleFromRow, type ScheduleRow } from './schedules';

export interface PlaceActivity {
	id: string;
	title: string;
	description: string | null;
	schedule: Schedule;
	scheduleNote: string | null;
}

/** The activities of the given places, by place. */
export async function activitiesOf(tx: Tx, placeIds: string[]): Promise<Map<string, PlaceActivity[]>> {
	const rows = await tx.query<ScheduleRow & { id: string; place_id: string; title: string; description: string | null }>(
		`select a.id, a.place_id, a.title, a.description, ${scheduleColumns('a')}
		 from public.activities a where a.place_id = any ($1::uuid[]) order by a.created_at`,
		[placeIds]
	);
	const byPlace = new Map<string, PlaceActivity[]>();
	for (const r of rows) {
		const list = byPlace.get(r.place_id) ?? [];
		list.push({ id: r.id, title: r.title, description: r.description, schedule: scheduleFromRow(r), scheduleNote: r.schedule_note });
		byPlace.set(r.place_id, list);
	}
	return byPlace;
}

/** The area tree in display order (parents before children), for a select. */
export async function areaOptions(tx: Tx): Promise<AreaOption[]> {
	return tx.query<AreaOption>(
		`with recursive tree as (
		   select id, name, kind, 0 as depth, array[name] as path from public.areas where parent_id is null
		   union all
		   select a.id, a.name, a.kind, t.depth + 1, t.path || a.name from public.areas a join tree t on a.parent_id = t.id
		 )
		 select id, name, kind::text as kind, depth from tree order by path`
	);
}

export interface PlaceDetail {
	id: string;
	name: string;
	nameKana: string | null;
	category: Category;
	summary: string | null;
	description: string | null;
	targetGroups: TargetGroup[];
	accommodations: Accommodation[];
	venueType: VenueType;
	venueName: string | null;
	feeYen: number | null;
	feeNote: string | null;
	accessibility: string | null;
	accessNote: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	website: string | null;
	disclosure: DisclosureLevel;
	publicAddress: string | null;
	lon: number | null;
	lat: number | null;
	verifiedAt: Date | null;
	updatedAt: Date;
	organization: { name: string; phone: string | null; email: string | null; website: string | null } | null;
	areaName: string | null;
	municipalityName: string;
}

export async function getPlace(tx: Tx, id: string): Promise<PlaceDetail | null> {
	const [row] = await tx.query<PlaceDetail>(
		`select p.id, p.name, p.name_kana as "nameKana", p.category::text as category, p.summary, p.description,
		   p.target_groups::text[] as "targetGroups", p.accommodations::text[] as accommodations,
		   p.venue_type::text as "venueType", p.public_venue_name as "venueName", p.fee_yen as "feeYen", p.fee_note as "feeNote",
		   p.accessibility, p.public_access_note as "accessNote", p.contact_phone as "contactPhone", p.contact_email as "contactEmail",
		   p.website, p.disclosure::text as disclosure, p.public_address as "publicAddress",
		   st_x(p.public_location::geometry) as lon, st_y(p.public_location::geometry) as lat,
		   p.verified_at as "verifiedAt", p.updated_at as "updatedAt",
		   case when o.id is null then null else json_build_object('name', o.name, 'phone', o.phone, 'email', o.email, 'website', o.website) end as organization,
		   a.name as "areaName", mu.name as "municipalityName"
		 from public.places p
		 join public.municipalities mu on mu.id = p.municipality_id
		 left join public.organizations o on o.id = p.organization_id
		 left join public.areas a on a.id = p.public_area_id
		 where p.id = $1 and p.status = 'published'`,
		[id]
	);
	return row ?? null;
}

export interface PublicOpening {
	id: string;
	title: string;
	description: string | null;
	accommodations: Accommodation[];
	schedule: Schedule;
	scheduleNote: string | null;
}

export async function publicOpeningsOf(tx: Tx, placeId: string): Promise<PublicOpening[]> {
	const rows = await tx.query<ScheduleRow & { id: string; title: string; description: string | null; accommodations: Accommodation[] }>(
		`select o.id, o.title, o.description, o.accommodations::text[] as accommodations, ${scheduleColumns('o')}
		 from public.openings o where o.place_id = $1 and o.visibility = 'public' and o.status = 'open' order by o.title`,
		[placeId]
	);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		description: r.description,
		accommodations: r.accommodations,
		schedule: scheduleFromRow(r),
		scheduleNote: r.schedule_note
	}));
}

/** The top-level area (e.g. 圏域) each place lies in, by place id. */
export async function topAreaNames(tx: Tx, placeIds: string[]): Promise<Map<string, string>> {
	const rows = await tx.query<{ place_id: string; name: string }>(
		`with recursive up as (
		   select p.id as place_id, a.id, a.parent_id, a.name from public.places p join public.areas a on a.id = p.public_area_id
		   where p.id = any ($1::uuid[])
		   union all
		   select up.place_id, a.id, a.parent_id, a.name from up join public.areas a on a.id = up.parent_id
		 )
		 select place_id, name from up where parent_id is null`,
		[placeIds]
	);
	return new Map(rows.map((r) => [r.place_id, r.name]));
}
