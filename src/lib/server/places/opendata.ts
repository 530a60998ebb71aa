/**
 * Open data: the public places behind a search, with everything the CSV and HSDS exports
 * need, in one query under the caller's claims.
 */
import type { SearchFilter } from '$lib/domain/places/search';
import type { Accommodation, Category, DisclosureLevel, TargetGroup } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';
import { activitiesOf, type PlaceActivity } from './places';
import { whereOf } from './search';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

export const EXPORT_LIMIT = 50_000;

export interface ExportPlace {
	id: string;
	name: string;
	nameKana: string | null;
	category: Category;
	summary: string | null;
	description: string | null;
	targetGroups: TargetGroup[];
	accommodations: Accommodation[];
	venueName: string | null;
	feeYen: number | null;
	feeNote: string | null;
	accessibility: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	disclosure: DisclosureLevel;
	address: string | null;
	postalCode: string | null;
	lat: number | null;
	lon: number | null;
	verifiedAt: Date | null;
	updatedAt: Date;
	municipalityCode: string;
	prefecture: string;
	municipalityName: string;
	organization: { id: string; name: string; email: string | null; website: string | null; phone: string | null } | null;
	activities: PlaceActivity[];
}

export async function exportPlaces(tx: Tx, f: SearchFilter, now: Date, limit = EXPORT_LIMIT, offset = 0): Promise<ExportPlace[]> {
	const { sql, params } = whereOf(f, now);
	params.push(offset, limit);
	const rows = await tx.query<Omit<ExportPlace, 'activities'>>(
		`select p.id, p.name, p.name_kana as "nameKana", p.category::text as category, p.summary, p.description,
		   p.target_groups::text[] as "targetGroups", p.accommodations::text[] as accommodations, p.public_venue_name as "venueName",
		   p.fee_yen as "feeYen", p.fee_note as "feeNote", p.accessibility,
		   coalesce(p.contact_phone, o.phone) as phone, coalesce(p.contact_email, o.email) as email,
		   coalesce(p.website, o.website) as website, p.disclosure::text as disclosure, p.public_address as address,
		   p.public_postal_code as "postalCode",
		   st_y(p.public_location::geometry) as lat, st_x(p.public_location::geometry) as lon,
		   p.verified_at as "verifiedAt", p.updated_at as "updatedAt",
		   mu.code as "municipalityCode", mu.prefecture, mu.name as "municipalityName",
		   case when o.id is null then null else json_build_object('id', o.id, 'name', o.name, 'email', o.email, 'website', o.website, 'phone', o.phone) end as organization
		 from public.places p
		 join public.municipalities mu on mu.id = p.municipality_id
		 left join public.organizations o on o.id = p.organization_id
		 where ${sql}
		 order by mu.code, p.category, p.name, p.id
		 offset $${params.length - 1} limit $${params.length}`,
		params
	);
	const activities = await activitiesOf(
		tx,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, activities: activities.get(r.id) ?? [] }));
}

export interface ExportEvent {
	placeId: string;
	placeName: string;
	activityTitle: string;
	category: Category;
	startsAt: Date;
	endsAt: Date;
	feeYen: number | null;
	feeNote: string | null;
	summary: string | null;
	organizationName: string | null;
	phone: string | null;
	address: string | null;
	lat: number | null;
	lon: number | null;
	targetGroups: TargetGroup[];
	municipalityCode: string;
	prefecture: string;
	municipalityName: string;
}

/** One row per occurrence from now to `days` ahead, for the places matching the filter. */
export async function exportEvents(tx: Tx, f: SearchFilter, now: Date, days: number, limit = EXPORT_LIMIT): Promise<ExportEvent[]> {
	const { sql, params } = whereOf(f, now);
	const until = new Date(now.getTime() + days * DAY_MS);
	params.push(now, until, limit);
	const n = params.length;
	return tx.query<ExportEvent>(
		`select p.id as "placeId", p.name as "placeName", a.title as "activityTitle", p.category::text as category,
		   o.starts_at as "startsAt", o.ends_at as "endsAt", p.fee_yen as "feeYen", p.fee_note as "feeNote", p.summary,
		   org.name as "organizationName", coalesce(p.contact_phone, org.phone) as phone, p.public_address as address,
		   st_y(p.public_location::geometry) as lat, st_x(p.public_location::geometry) as lon,
		   p.target_groups::text[] as "targetGroups", mu.code as "municipalityCode", mu.prefecture, mu.name as "municipalityName"
		 from public.activity_occurrences o
		 join public.places p on p.id = o.place_id
		 join public.activities a on a.id = o.activity_id
		 join public.municipalities mu on mu.id = p.municipality_id
		 left join public.organizations org on org.id = p.organization_id
		 where ${sql} and o.ends_at > $${n - 2} and o.starts_at < $${n - 1}
		 order by o.starts_at, p.name
		 limit $${n}`,
		params
	);
}
