/**
 * Importing a 社協 list (CSV or Excel): read the file, check every row, look for duplicates
 * among the municipality's places (name similarity with pg_trgm, distance, same address) and
 * within the file, geocode addresses without coordinates — and write nothing until the
 * moderator confirms. Then one transaction under the moderator's claims: organisations found
 * or created, places, locations, activities and the provenance of each row.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import {
	parseFee,
	parseScheduleText,
	parseTargets,
	readTable,
	checkRow,
	sameName,
	type ImportRow,
	type ImportValues
} from '$lib/domain/registration/import';
import { scheduleColumnsOf } from '$lib/domain/registration/place-values';
import type { Geocoder } from '../platform/geocoder/index';
import type { Tx } from '../platform/db/types';
import { setVia } from './places';

export const IMPORT_MAX_BYTES = 400 * 1024;
const GEOCODE_AT_MOST = 60;

export type UploadProblem = 'type' | 'unreadable' | 'empty' | 'too_large' | 'no_name_column';

/** The table in an uploaded file: .xlsx, or CSV/TSV in UTF-8 or Shift_JIS (Excel's Japanese CSV). */
export async function readUpload(
	bytes: Uint8Array,
	fileName: string
): Promise<{ ok: true; table: unknown[][] } | { ok: false; problem: UploadProblem }> {
	if (bytes.length === 0) return { ok: false, problem: 'empty' };
	if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, problem: 'too_large' };
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	try {
		if (zip) return { ok: true, table: (await readSheet(Buffer.from(bytes))) as unknown[][] };
		if (!/\.(csv|tsv|txt)$/i.test(fileName) || bytes.includes(0)) return { ok: false, problem: 'type' };
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			text = new TextDecoder('shift_jis').decode(bytes);
		}
		const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
			skipEmptyLines: 'greedy',
			delimiter: /\.tsv$/i.test(fileName) ? '\t' : ''
		});
		return parsed.data.length ? { ok: true, table: parsed.data } : { ok: false, problem: 'empty' };
	} catch {
		return { ok: false, problem: 'unreadable' };
	}
}

export interface Duplicate {
	placeId: string;
	name: string;
	address: string | null;
	similarity: number;
	distanceM: number | null;
}

export interface PreviewRow extends ImportRow {
	lon: string;
	lat: string;
	geocoded: string | null;
	duplicate: Duplicate | null;
	/** the line of an earlier row in the same file with the same name */
	duplicateOfLine: number | null;
	organizationExists: boolean;
}

/** Place ids for a confirmed import: the same import and row always give the same id, so a repeated confirm adds nothing. */
export function importPlaceId(importId: string, line: number): string {
	const h = createHash('sha256').update(`${importId}:${line}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function previewImport(
	tx: Tx,
	municipalityId: string,
	table: unknown[][],
	geocoder: Geocoder
): Promise<{ rows: PreviewRow[]; tooMany: boolean; hasNameColumn: boolean }> {
	const { rows, tooMany, fields } = readTable(table);
	let geocodes = 0;
	const preview: PreviewRow[] = [];
	for (const r of rows) {
		let { lon, lat } = r.values;
		let geocoded: string | null = null;
		if ((!lon || !lat) && r.values.address && !r.problems.length && geocodes < GEOCODE_AT_MOST) {
			geocodes += 1;
			const [hit] = await geocoder.search(r.values.address, 1);
			if (hit) {
				lon = hit.lon.toFixed(6);
				lat = hit.lat.toFixed(6);
				geocoded = hit.label;
			}
		}
		preview.push({ ...r, lon, lat, geocoded, duplicate: null, duplicateOfLine: null, organizationExists: false });
	}
	// within the file
	preview.forEach((r, i) => {
		const earlier = preview.slice(0, i).find((o) => o.values.name && sameName(o.values.name, r.values.name));
		r.duplicateOfLine = earlier?.line ?? null;
	});
	// against the municipality's places
	if (preview.length) {
		const dups = await tx.query<{ line: number; id: string; name: string; address: string | null; sim: number; dist: number | null }>(
			`with r as (
			   select * from unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::text[]) as r(line, name, lon, lat, address)
			 ), c as (
			   select r.line, p.id, p.name, coalesce(l.address, p.public_address) as address,
			     similarity(private.search_fold(p.name), private.search_fold(r.name)) as sim,
			     case when r.lon is null or coalesce(l.location, p.public_location) is null then null
			       else st_distance(coalesce(l.location, p.public_location), st_setsrid(st_makepoint(r.lon, r.lat), 4326)::geography) end as dist,
			     r.address <> '' and coalesce(l.address, p.public_address) = r.address as same_address
			   from r join public.places p on p.municipality_id = $6 and p.status <> 'archived'
			   left join public.place_locations l on l.place_id = p.id
			   where r.name <> ''
			 )
			 select distinct on (line) line, id, name, address, round(sim::numeric, 2)::float8 as sim, round(dist)::float8 as dist from c
			 where sim >= 0.45 or (dist < 150 and sim >= 0.15) or same_address
			 order by line, sim + case when dist < 150 then 0.3 else 0 end + case when same_address then 0.3 else 0 end desc`,
			[
				preview.map((r) => r.line),
				preview.map((r) => r.values.name),
				preview.map((r) => (r.lon && r.lat ? Number(r.lon) : null)),
				preview.map((r) => (r.lon && r.lat ? Number(r.lat) : null)),
				preview.map((r) => r.values.address),
				municipalityId
			]
		);
		for (const d of dups) {
			const row = preview.find((r) => r.line === d.line)!;
			row.duplicate = { placeId: d.id, name: d.name, address: d.address, similarity: d.sim, distanceM: d.dist };
		}
		const orgs = await tx.query<{ name: string }>('select name from public.organizations where municipality_id = $1', [municipalityId]);
		for (const r of preview) r.organizationExists = !r.values.organization || orgs.some((o) => sameName(o.name, r.values.organization));
	}
	return { rows: preview, tooMany, hasNameColumn: fields.includes('name') };
}

export interface CommitRow {
	line: number;
	original: Record<string, string>;
	values: ImportValues;
	lon: string;
	lat: string;
}

export interface CommitOptions {
	importId: string;
	municipalityId: string;
	fileName: string;
	/** 'YYYY-MM-DD' the list was last checked; becomes verified_at when published */
	verifiedOn: string;
	publish: boolean;
	/** for rows without an organisation: the importing 社協's own */
	fallbackOrganizationId: string;
	/** 不定期 without a note */
	askNote: string;
}

/** Writes the chosen rows (re-checked) in the caller's transaction. Returns the new activities. */
export async function commitImport(
	tx: Tx,
	rows: CommitRow[],
	o: CommitOptions
): Promise<{ created: number; skipped: number; activityIds: string[] }> {
	await setVia(tx, 'import');
	const orgs = await tx.query<{ id: string; name: string }>('select id, name from public.organizations where municipality_id = $1', [
		o.municipalityId
	]);
	const orgFor = async (name: string): Promise<string> => {
		if (!name) return o.fallbackOrganizationId;
		const found = orgs.find((x) => sameName(x.name, name));
		if (found) return found.id;
		const [row] = await tx.query<{ id: string }>(
			`insert into public.organizations (municipality_id, kind, name) values ($1, 'volunteer_group', $2) returning id`,
			[o.municipalityId, name]
		);
		orgs.push({ id: row.id, name });
		return row.id;
	};
	let created = 0;
	let skipped = 0;
	const activityIds: string[] = [];
	for (const r of rows) {
		if (checkRow(r.values).length) {
			skipped += 1;
			continue;
		}
		const id = importPlaceId(o.importId, r.line);
		if ((await tx.query('select 1 from public.places where id = $1', [id])).length) {
			skipped += 1;
			continue;
		}
		const orgId = await orgFor(r.values.organization);
		const fee = parseFee(r.values.fee);
		await tx.query(
			`insert into public.places (id, municipality_id, organization_id, status, verified_at, name, name_kana, category, summary,
			   description, target_groups, venue_type, venue_name, fee_yen, fee_note, contact_phone, contact_email, website, disclosure, area_id)
			 values ($1, $2, $3, $4::public.place_status, $5, $6, $7, $8::public.category, $9, $10, $11::text[]::public.target_group[], 'other',
			   $12, $13, $14, $15, $16, $17, case when $18::float8 is null then 'contact_only' else 'exact' end::public.disclosure_level,
			   (select a.id from public.areas a where a.municipality_id = $2 and a.boundary is not null and $18::float8 is not null
			      and st_covers(a.boundary, st_setsrid(st_makepoint($18, $19), 4326)::geography) order by st_area(a.boundary) limit 1))`,
			[
				id,
				o.municipalityId,
				orgId,
				o.publish ? 'published' : 'draft',
				o.publish ? `${o.verifiedOn}T12:00:00+09:00` : null,
				r.values.name,
				r.values.name_kana || null,
				r.values.category,
				r.values.summary || null,
				r.values.description || null,
				parseTargets(r.values.targets),
				r.values.venue_name || null,
				fee.kind === 'free' ? 0 : fee.kind === 'paid' ? Number(fee.yen) : null,
				fee.note || null,
				r.values.phone || null,
				/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r.values.email) ? r.values.email : null,
				/^https?:\/\//.test(r.values.website) ? r.values.website : null,
				r.lon && r.lat ? Number(r.lon) : null,
				r.lon && r.lat ? Number(r.lat) : null
			]
		);
		if (r.lon && r.lat && r.values.address)
			await tx.query(
				`insert into public.place_locations (place_id, organization_id, municipality_id, location, address, postal_code)
				 values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326)::geography, $6, $7)`,
				[
					id,
					orgId,
					o.municipalityId,
					Number(r.lon),
					Number(r.lat),
					r.values.address,
					/^\d{3}-\d{4}$/.test(r.values.postal_code) ? r.values.postal_code : null
				]
			);
		const { fields } = parseScheduleText(r.values.schedule, o.verifiedOn, o.askNote);
		const s = scheduleColumnsOf(fields);
		const [act] = await tx.query<{ id: string }>(
			`insert into public.activities (place_id, organization_id, municipality_id, title, rrule, dtstart, until, start_time, end_time, holiday_policy, closures, schedule_note)
			 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12) returning id`,
			[
				id,
				orgId,
				o.municipalityId,
				r.values.name,
				s.rrule,
				s.dtstart,
				s.until,
				s.start_time,
				s.end_time,
				s.holiday_policy,
				JSON.stringify(s.closures),
				s.schedule_note
			]
		);
		activityIds.push(act.id);
		await tx.query(
			`insert into public.place_provenance (place_id, organization_id, municipality_id, source, file_name, row_number, original)
			 values ($1, $2, $3, 'import', $4, $5, $6::jsonb)`,
			[id, orgId, o.municipalityId, o.fileName.slice(0, 200), r.line, JSON.stringify(r.original)]
		);
		created += 1;
	}
	return { created, skipped, activityIds };
}

/** The moderator's municipalities and their own organisation there (for rows without one). */
export async function importTargets(tx: Tx): Promise<{ municipalityId: string; name: string; organizationId: string }[]> {
	return tx.query(
		`select distinct on (m.municipality_id) m.municipality_id as "municipalityId", mu.name, m.organization_id as "organizationId"
		 from public.memberships m join public.municipalities mu on mu.id = m.municipality_id
		 where m.user_id = auth.uid() and m.role = 'moderator' order by m.municipality_id, m.created_at`
	);
}
