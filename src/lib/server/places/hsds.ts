/**
 * Open Referral HSDS 3.0: our places as `service` objects (with organization, location and
 * schedules) for directories that speak HSDS, and ORUK-style query parameters mapped onto our
 * search filter.
 */
import { describe } from '$lib/domain/shared/schedule';
import type { ExportPlace } from './opendata';
import { JST_OFFSET_HOURS } from '$lib/domain/shared/schedule/jst';

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

const term = (vocabulary: string, code: string) => ({
	id: `${vocabulary}:${code}`,
	code,
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
			location_id: p.disclosure === 'contact_only' ? null : p.id,
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
		phones: p.phone ? [{ id: `${p.id}-phone`, number: p.phone, type: 'voice', languages: [{ code: 'ja' }] }] : [],
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
							id: `${p.id}-at`,
							service_id: p.id,
							location: {
								id: p.id,
								location_type: 'physical',
								name: p.venueName ?? p.name,
								latitude: located ? p.lat : null,
								longitude: located ? p.lon : null,
								// approximate places carry the centre of a ≥ 1 km² grid cell (≥ 350 m from the place) and an address to 町丁目
								description: p.disclosure === 'approximate' ? 'approximate location' : null,
								addresses: p.address
									? [
											{
												id: `${p.id}-addr`,
												address_1: p.address,
												city: p.municipalityName,
												state_province: p.prefecture,
												country: 'JP',
												address_type: 'physical'
											}
										]
									: [],
								accessibility: p.accessibility ? [{ id: `${p.id}-acc`, description: p.accessibility }] : []
							}
						}
					],
		attributes: [
			{ id: `${p.id}-category`, taxonomy_term: term('category', p.category) },
			...p.targetGroups.map((t) => ({ id: `${p.id}-target-${t}`, taxonomy_term: term('target_group', t) })),
			...p.accommodations.map((a) => ({ id: `${p.id}-acc-${a}`, taxonomy_term: term('accommodation', a) }))
		]
	};
}
