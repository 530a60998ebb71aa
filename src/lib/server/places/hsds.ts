/**
 * Open Referral HSDS 3.0: our places as `service` objects (with organization, location and
 * schedules) for directories that speak HSDS, and ORUK-style query parameters mapped onto our
 * search filter.
 */
import { createHash } from 'node:crypto';
import { describe } from '$lib/domain/shared/schedule';
import type { ParamError } from '$lib/domain/shared/params';
import { label, type Vocabulary } from '$lib/i18n';
import type { ExportPlace } from './opendata';
import { JST_OFFSET_HOURS } from '$lib/domain/shared/schedule/jst';

/** HSDS (as published under this API root): the version and the base profile it follows. */
export const HSDS_API_DETAILS = { version: '3.0', profile: 'https://docs.openreferral.org/en/latest/hsds/' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Our namespace for derived ids (a v4 uuid chosen once; never change it: ids must stay stable). */
const NAMESPACE = '3f0b7c52-6d1e-4c8a-9e57-2b4f6a1d8c93';

/** A name-based (RFC 9562 version 5, SHA-1) uuid: the same name, the same id, on every export. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
	const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
	b[6] = (b[6] & 0x0f) | 0x50;
	b[8] = (b[8] & 0x3f) | 0x80;
	const h = b.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of a place's nested object of one kind (`location`, `address`, `phone`...). */
const childId = (placeId: string, kind: string) => uuidV5(`${placeId}/${kind}`);

/**
 * HSDS `organization_id` (a uuid) and `modified_after` (an ISO 8601 date or date-time; without
 * an offset it is Japan time), with an error naming the parameter for a bad value.
 */
export function hsdsFilterParams(
	input: URLSearchParams,
	errors: ParamError[]
): { organizationId: string | null; modifiedAfter: Date | null } {
	const org = input.get('organization_id');
	if (org !== null && !isUuid(org)) errors.push({ param: 'organization_id', code: 'bad_format', value: org });
	const raw = input.get('modified_after');
	const m = raw === null ? null : /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(raw);
	const modifiedAfter = m ? new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? '+09:00'}`) : null;
	if (raw !== null && (!modifiedAfter || Number.isNaN(modifiedAfter.getTime())))
		errors.push({ param: 'modified_after', code: 'bad_format', value: raw });
	return { organizationId: org !== null && isUuid(org) ? org : null, modifiedAfter };
}

/** HSDS/ORUK query parameters → our search parameters; the rest of the URL passes through. */
export function hsdsToSearchParams(input: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(input);
	for (const key of [
		'search',
		'taxonomy_term_id',
		'proximity',
		'proximity_radius',
		'per_page',
		'page',
		'organization_id',
		'modified_after'
	])
		out.delete(key);
	if (input.get('search')) out.set('q', input.get('search')!);
	for (const term of input.getAll('taxonomy_term_id').flatMap((t) => t.split(','))) {
		const [vocabulary, code] = term.split(':');
		const param = { category: 'category', target_group: 'target', accommodation: 'acc' }[vocabulary];
		// an unknown vocabulary still reaches the parser, which names it in the 400
		out.append(param ?? 'category', param ? code : term);
	}
	if (input.get('proximity')) out.set('near', input.get('proximity')!);
	if (input.get('proximity_radius')) out.set('radius', input.get('proximity_radius')!);
	return out;
}

/** A taxonomy term: one id per term wherever it appears; its name is the catalogue's ja label. */
const term = (vocabulary: Vocabulary, code: string) => ({
	id: uuidV5(`taxonomy_term/${vocabulary}:${code}`),
	code,
	name: label(vocabulary, code, 'ja'),
	term: code,
	taxonomy: `tsunagari-map:${vocabulary}`
});

function schedules(p: ExportPlace) {
	return p.activities.map((a) => {
		const parts = Object.fromEntries(
			(a.schedule.rrule ?? '')
				.split(';')
				.filter(Boolean)
				.map((kv) => kv.split('='))
		);
		return {
			id: a.id,
			service_id: p.id,
			location_id: p.disclosure === 'contact_only' ? null : childId(p.id, 'location'),
			dtstart: a.schedule.dtstart,
			until: a.schedule.until ?? null,
			timezone: JST_OFFSET_HOURS,
			freq: parts.FREQ ?? null,
			interval: parts.INTERVAL ? Number(parts.INTERVAL) : null,
			byday: parts.BYDAY ?? null,
			bymonthday: parts.BYMONTHDAY ?? null,
			opens_at: a.schedule.startTime,
			closes_at: a.schedule.endTime,
			description: a.schedule.rrule ? describe(a.schedule, 'ja') : a.scheduleNote,
			attending_type: 'in_person'
		};
	});
}

export function toHsdsService(p: ExportPlace, baseUrl: URL) {
	const located = p.lat !== null && p.lon !== null;
	return {
		id: p.id,
		organization_id: p.organization?.id ?? null,
		name: p.name,
		alternate_name: p.nameKana,
		description: p.description ?? p.summary,
		url: new URL(`/places/${p.id}`, baseUrl).href,
		email: p.email,
		status: 'active',
		fees_description: p.feeYen === null ? p.feeNote : `${p.feeYen}円${p.feeNote ? `（${p.feeNote}）` : ''}`,
		last_modified: p.updatedAt.toISOString(),
		assured_date: p.verifiedAt ? p.verifiedAt.toISOString().slice(0, 10) : null,
		phones: p.phone ? [{ id: childId(p.id, 'phone'), number: p.phone, type: 'voice', languages: [{ code: 'ja' }] }] : [],
		schedules: schedules(p),
		organization: p.organization && {
			id: p.organization.id,
			name: p.organization.name,
			email: p.organization.email,
			website: p.organization.website
		},
		service_at_locations:
			p.disclosure === 'contact_only'
				? []
				: [
						{
							id: childId(p.id, 'service_at_location'),
							service_id: p.id,
							location: {
								id: childId(p.id, 'location'),
								location_type: 'physical',
								name: p.venueName ?? p.name,
								latitude: located ? p.lat : null,
								longitude: located ? p.lon : null,
								// approximate places carry the centre of a ≥ 1 km² grid cell (≥ 350 m from the place) and an address to 町丁目
								description: p.disclosure === 'approximate' ? 'approximate location' : null,
								addresses: p.address
									? [
											{
												id: childId(p.id, 'address'),
												location_id: childId(p.id, 'location'),
												address_1: p.address,
												city: p.municipalityName,
												state_province: p.prefecture,
												// the database publishes it for exact places only (approximate: the address to 町丁目 alone)
												postal_code: p.postalCode,
												country: 'JP',
												address_type: 'physical'
											}
										]
									: [],
								accessibility: p.accessibility ? [{ id: childId(p.id, 'accessibility'), description: p.accessibility }] : []
							}
						}
					],
		attributes: [
			{ id: childId(p.id, 'attribute/category'), taxonomy_term: term('category', p.category) },
			...p.targetGroups.map((t) => ({ id: childId(p.id, `attribute/target_group:${t}`), taxonomy_term: term('target_group', t) })),
			...p.accommodations.map((a) => ({ id: childId(p.id, `attribute/accommodation:${a}`), taxonomy_term: term('accommodation', a) }))
		]
	};
}
