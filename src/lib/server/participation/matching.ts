/**
 * Feeds the matching engine (src/lib/domain/participation/matching) from the database: the municipality's
 * open openings with their next 4 weeks of dates, seats taken and the host's reply speed, and
 * participants with what their placements so far say about them. The engine decides; this
 * module only reads (under RLS) and translates.
 */
import {
	assignBatch,
	HORIZON_DAYS,
	rankOpenings,
	rankParticipants,
	type Match,
	type NearMiss,
	type Opening,
	type Participant
} from '$lib/domain/participation/matching';
import type { AgeBand, Goal, Mode, Preference } from '$lib/domain/participation/matching/types';
import { PLACEMENT_STATUSES, occupiesCapacity } from '$lib/domain/participation';
import { occurrences } from '$lib/domain/shared/schedule';
import type { Accommodation, TargetGroup } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';
import { scheduleColumns, scheduleFromRow, type ScheduleRow } from '../places/schedules';
import { logReads } from './access-log';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

/** Seats are held from the host's 見学OK until the placement ends: the workflow says which statuses. */
const SEAT_STATUSES = PLACEMENT_STATUSES.filter(occupiesCapacity);

/** What the pages show of an opening beside the engine's verdict. */
export interface OpeningInfo {
	id: string;
	title: string;
	placeId: string;
	placeName: string;
	organizationName: string;
	capacity: number;
	filled: number;
}

interface OpeningRow extends ScheduleRow {
	id: string;
	organization_id: string;
	organization_name: string;
	title: string;
	place_id: string;
	place_name: string;
	lon: number | null;
	lat: number | null;
	capacity: number;
	filled: number;
	accommodations: Accommodation[];
	target_groups: TargetGroup[];
	age_min: number | null;
	age_max: number | null;
	interests: string[];
	goals: Goal[];
	reply_hours: number | null;
}

/** Open openings of the municipality (public or for coordinators) as the engine's input. */
export async function loadOpenings(
	tx: Tx,
	municipalityId: string,
	now: Date,
	only?: string
): Promise<{ openings: Opening[]; info: Map<string, OpeningInfo> }> {
	const rows = await tx.query<OpeningRow>(
		`select o.id, o.organization_id, org.name as organization_name, o.title, o.place_id, p.name as place_name,
		        extensions.st_x(l.location::extensions.geometry) as lon, extensions.st_y(l.location::extensions.geometry) as lat,
		        o.capacity, o.accommodations::text[] as accommodations, o.target_groups::text[] as target_groups,
		        o.age_min, o.age_max, o.interests, o.goals, ${scheduleColumns('o')},
		        (select count(*) from casework.placements x where x.opening_id = o.id and x.status = any ($2::text[]))::int as filled,
		        r.hours as reply_hours
		 from public.openings o
		 join public.places p on p.id = o.place_id
		 join public.organizations org on org.id = o.organization_id
		 left join public.place_locations l on l.place_id = o.place_id
		 left join lateral (
		   select percentile_cont(0.5) within group (order by extract(epoch from x.host_replied_at - x.asked_at) / 3600) as hours
		   from casework.placements x where x.organization_id = o.organization_id and x.host_replied_at is not null
		 ) r on true
		 where o.municipality_id = $1 and o.status = 'open' and p.status = 'published' ${only ? 'and o.id = $3' : ''}
		 order by o.id`,
		only ? [municipalityId, SEAT_STATUSES, only] : [municipalityId, SEAT_STATUSES]
	);
	const to = new Date(now.getTime() + (HORIZON_DAYS + 1) * DAY_MS);
	const info = new Map<string, OpeningInfo>();
	const openings = rows.map((r): Opening => {
		info.set(r.id, {
			id: r.id,
			title: r.title,
			placeId: r.place_id,
			placeName: r.place_name,
			organizationName: r.organization_name,
			capacity: r.capacity,
			filled: r.filled
		});
		return {
			id: r.id,
			organizationId: r.organization_id,
			title: r.title,
			placeName: r.place_name,
			location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
			occurrences: occurrences(scheduleFromRow(r), now, to).map((o) => ({ start: o.start, end: o.end })),
			capacity: r.capacity,
			filled: r.filled,
			accommodations: r.accommodations,
			targetGroups: r.target_groups,
			ageMin: r.age_min,
			ageMax: r.age_max,
			tags: r.interests,
			goals: r.goals,
			groupSize: null,
			hostMedianReplyHours: r.reply_hours
		};
	});
	return { openings, info };
}

interface ParticipantRow {
	id: string;
	municipality_id: string;
	code: string;
	age_band: AgeBand;
	target_groups: TargetGroup[];
	interests: string[];
	goals: Goal[];
	availability: Participant['availability'];
	modes: Mode[];
	max_minutes: number;
	required_accommodations: Accommodation[];
	preferences: Preference[];
	needs_companion_first_visit: boolean;
	waiting_since: string;
	lon: number | null;
	lat: number | null;
	declined: string[];
	past_orgs: string[];
	live: string[];
}

/**
 * The home is the area's centre (a point on its surface): the record never holds an address.
 * Declined = openings the person withdrew from or found not a fit; past = hosts they went to.
 * `live` = openings with a placement under way, which are not suggested again.
 */
const PARTICIPANT_SELECT = `
	select p.id, p.municipality_id, p.code, p.age_band, p.target_groups::text[] as target_groups, p.interests, p.goals,
	       p.availability, p.modes, p.max_minutes, p.required_accommodations::text[] as required_accommodations,
	       p.preferences, p.needs_companion_first_visit, p.waiting_since,
	       extensions.st_x(extensions.st_pointonsurface(a.boundary::extensions.geometry)) as lon,
	       extensions.st_y(extensions.st_pointonsurface(a.boundary::extensions.geometry)) as lat,
	       array(select x.opening_id::text from casework.placements x where x.participant_id = p.id and x.opening_id is not null
	             and (x.status = 'withdrawn' or (x.status = 'ended' and x.end_reason = 'not_a_fit'))) as declined,
	       array(select distinct x.organization_id::text from casework.placements x where x.participant_id = p.id and x.started_on is not null) as past_orgs,
	       array(select x.opening_id::text from casework.placements x where x.participant_id = p.id and x.opening_id is not null
	             and x.status not in ('declined', 'expired', 'withdrawn', 'ended')) as live
	from casework.participants p left join public.areas a on a.id = p.area_id`;

function toParticipant(r: ParticipantRow): Participant {
	return {
		id: r.id,
		code: r.code,
		ageBand: r.age_band,
		targetGroups: r.target_groups,
		interests: r.interests,
		goals: r.goals,
		availability: r.availability,
		modes: r.modes,
		maxMinutes: r.max_minutes,
		home: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
		requiredAccommodations: r.required_accommodations,
		preferences: r.preferences,
		needsCompanionFirstVisit: r.needs_companion_first_visit,
		waitingSince: r.waiting_since,
		declinedOpeningIds: r.declined,
		pastOrganizationIds: r.past_orgs
	};
}

export interface Ranked {
	matches: (Match & { opening: OpeningInfo })[];
	nearMisses: (NearMiss & { opening: OpeningInfo })[];
}

/** Which openings fit this participant (best first) and which miss by one constraint. */
export async function openingsFor(tx: Tx, participantId: string, now: Date, limit = 20): Promise<Ranked | null> {
	const [row] = await tx.query<ParticipantRow>(`${PARTICIPANT_SELECT} where p.id = $1`, [participantId]);
	if (!row) return null;
	const { openings, info } = await loadOpenings(tx, row.municipality_id, now);
	const live = new Set(row.live);
	const ranked = rankOpenings(
		toParticipant(row),
		openings.filter((o) => !live.has(o.id)),
		now,
		{ limit }
	);
	return {
		matches: ranked.matches.map((m) => ({ ...m, opening: info.get(m.openingId)! })),
		nearMisses: ranked.nearMisses.map((n) => ({ ...n, opening: info.get(n.openingId)! }))
	};
}

/** The engine's verdict on one pair, for a proposal: its score and reasons, or the one constraint it misses. */
export async function verdictFor(tx: Tx, participantId: string, openingId: string, now: Date) {
	const [row] = await tx.query<ParticipantRow>(`${PARTICIPANT_SELECT} where p.id = $1`, [participantId]);
	if (!row) return null;
	const { openings } = await loadOpenings(tx, row.municipality_id, now, openingId);
	if (openings.length === 0) return null;
	const ranked = rankOpenings(toParticipant(row), openings, now);
	return { participant: row, match: ranked.matches[0] ?? null, nearMiss: ranked.nearMisses[0] ?? null };
}

export interface ReverseRanked {
	opening: OpeningInfo;
	matches: { participantId: string; code: string; score: number; sentence: string }[];
	nearMisses: { participantId: string; code: string; reason: string }[];
}

/** The reverse view: which participants (still waiting, not already placed there) fit an opening. */
export async function participantsFor(tx: Tx, municipalityId: string, openingId: string, now: Date): Promise<ReverseRanked | null> {
	const { openings, info } = await loadOpenings(tx, municipalityId, now, openingId);
	if (openings.length === 0) return null;
	const rows = (await tx.query<ParticipantRow>(`${PARTICIPANT_SELECT} where p.municipality_id = $1`, [municipalityId])).filter(
		(r) => !r.live.includes(openingId)
	);
	const codes = new Map(rows.map((r) => [r.id, r.code]));
	const ranked = rankParticipants(openings[0], rows.map(toParticipant), now, { limit: 50 });
	const shown = [...ranked.matches.map((m) => m.participantId), ...ranked.nearMisses.map((n) => n.participantId)];
	await logReads(
		tx,
		'list',
		'participant',
		shown.map((id) => ({ id, municipalityId, participantId: id }))
	);
	return {
		opening: info.get(openingId)!,
		matches: ranked.matches.map((m) => ({
			participantId: m.participantId,
			code: codes.get(m.participantId)!,
			score: m.score,
			sentence: m.sentence
		})),
		nearMisses: ranked.nearMisses.map((n) => ({ participantId: n.participantId, code: codes.get(n.participantId)!, reason: n.reason }))
	};
}

export interface BatchProposal {
	participantId: string;
	code: string;
	waitingSince: string;
	opening: OpeningInfo;
	score: number;
}

/**
 * The meeting's batch: every participant without a placement under way, against every open
 * opening, assigned exactly (assignBatch) — longer waits favoured. Nothing is written: the
 * coordinator accepts or edits each proposal.
 */
export async function batchFor(tx: Tx, municipalityId: string, now: Date) {
	const rows = (await tx.query<ParticipantRow>(`${PARTICIPANT_SELECT} where p.municipality_id = $1`, [municipalityId])).filter(
		(r) => r.live.length === 0
	);
	const { openings, info } = await loadOpenings(tx, municipalityId, now);
	const result = assignBatch(rows.map(toParticipant), openings, now);
	const byId = new Map(rows.map((r) => [r.id, r]));
	await logReads(
		tx,
		'list',
		'participant',
		rows.map((r) => ({ id: r.id, municipalityId, participantId: r.id }))
	);
	return {
		proposals: result.assignments.map((a): BatchProposal => ({
			participantId: a.participantId,
			code: byId.get(a.participantId)!.code,
			waitingSince: byId.get(a.participantId)!.waiting_since,
			opening: info.get(a.openingId)!,
			score: a.score
		})),
		unassigned: result.unassigned.map((id) => ({ participantId: id, code: byId.get(id)!.code })),
		totalScore: result.totalScore
	};
}
