/**
 * Participants (参加者): the coordinator's records, under RLS (coordinators of the municipality,
 * aal2; real names for the assigned only). Every function that returns participant data logs
 * the read in the same transaction.
 */
import type { TimeWindow } from '$lib/domain/participation/matching/types';
import { windowsFromSlots } from '$lib/domain/participation/availability';
import type { ParticipantForm } from '$lib/domain/participation/schemas';
import type { Tx } from '../platform/db/types';
import { logReads } from './access-log';

export interface ParticipantRecord {
	id: string;
	municipalityId: string;
	code: string;
	areaId: string | null;
	areaName: string | null;
	ageBand: string;
	targetGroups: string[];
	interests: string[];
	strengths: string | null;
	goals: string[];
	availability: TimeWindow[];
	modes: string[];
	maxMinutes: number;
	requiredAccommodations: string[];
	preferences: string[];
	needsCompanionFirstVisit: boolean;
	notes: string | null;
	shareSummaryWithHost: boolean;
	registeredOn: string;
	waitingSince: string;
	version: number;
	/** null when none is recorded — or when the caller is not assigned (RLS hides the row) */
	realName: string | null;
	realNameKana: string | null;
	assignedToMe: boolean;
}

const COLUMNS = `p.id, p.municipality_id as "municipalityId", p.code, p.area_id as "areaId", a.name as "areaName",
	p.age_band as "ageBand", p.target_groups::text[] as "targetGroups", p.interests, p.strengths, p.goals, p.availability,
	p.modes, p.max_minutes as "maxMinutes", p.required_accommodations::text[] as "requiredAccommodations", p.preferences,
	p.needs_companion_first_visit as "needsCompanionFirstVisit", p.notes, p.share_summary_with_host as "shareSummaryWithHost",
	p.registered_on as "registeredOn", p.waiting_since as "waitingSince", p.version,
	n.real_name as "realName", n.real_name_kana as "realNameKana",
	p.id = any (private.assigned_participant_ids()) as "assignedToMe"`;

const FROM = `casework.participants p
	left join public.areas a on a.id = p.area_id
	left join casework.participant_names n on n.participant_id = p.id`;

/** The municipality the caller coordinates (the first, if several). */
export async function coordinatorMunicipality(tx: Tx): Promise<string | null> {
	const [row] = await tx.query<{ id: string | null }>(`select (private.user_municipality_ids('{coordinator}'))[1] as id`);
	return row?.id ?? null;
}

export async function getParticipant(tx: Tx, id: string): Promise<ParticipantRecord | null> {
	const [row] = await tx.query<ParticipantRecord>(`select ${COLUMNS} from ${FROM} where p.id = $1`, [id]);
	if (!row) return null;
	await logReads(tx, 'view', 'participant', [{ id: row.id, municipalityId: row.municipalityId, participantId: row.id }]);
	if (row.realName !== null)
		await logReads(tx, 'view', 'participant_name', [{ id: row.id, municipalityId: row.municipalityId, participantId: row.id }]);
	return row;
}

export interface ParticipantSummary {
	id: string;
	municipalityId: string;
	code: string;
	areaName: string | null;
	ageBand: string;
	waitingSince: string;
	assignedToMe: boolean;
	/** the most recent placement's status and opening, if any */
	latestStatus: string | null;
	latestOpening: string | null;
}

/** Participants shown per page: a town's list grows for years; a page is what a coordinator reads. */
export const PARTICIPANT_PAGE_SIZE = 100;

/** One page of the list, by code, and how many there are in all. Only the rows shown are logged as read. */
export async function listParticipants(
	tx: Tx,
	page = 1,
	pageSize = PARTICIPANT_PAGE_SIZE
): Promise<{ participants: ParticipantSummary[]; total: number }> {
	const participants = await tx.query<ParticipantSummary>(
		`select p.id, p.municipality_id as "municipalityId", p.code, a.name as "areaName", p.age_band as "ageBand",
		        p.waiting_since as "waitingSince", p.id = any (private.assigned_participant_ids()) as "assignedToMe",
		        l.status as "latestStatus", l.opening_title as "latestOpening"
		 from casework.participants p
		 left join public.areas a on a.id = p.area_id
		 left join lateral (select status, opening_title from casework.placements x where x.participant_id = p.id
		   order by x.created_at desc limit 1) l on true
		 order by p.code, p.id limit $1 offset $2`,
		[pageSize, (page - 1) * pageSize]
	);
	await logReads(
		tx,
		'list',
		'participant',
		participants.map((r) => ({ id: r.id, municipalityId: r.municipalityId, participantId: r.id }))
	);
	const [{ total }] = await tx.query<{ total: number }>('select count(*)::int as total from casework.participants');
	return { participants, total };
}

function values(f: ParticipantForm) {
	return [
		f.code,
		f.area_id || null,
		f.age_band,
		f.target_groups,
		f.interests,
		f.strengths || null,
		f.goals,
		JSON.stringify(windowsFromSlots(f.availability)),
		f.modes,
		Number(f.max_minutes),
		f.required_accommodations,
		f.preferences,
		f.needs_companion_first_visit,
		f.notes || null,
		f.share_summary_with_host
	];
}

const SET = `code = $2, area_id = $3, age_band = $4, target_groups = $5::text[]::public.target_group[], interests = $6,
	strengths = $7, goals = $8, availability = $9::jsonb, modes = $10, max_minutes = $11,
	required_accommodations = $12::text[]::public.accommodation[], preferences = $13,
	needs_companion_first_visit = $14, notes = $15, share_summary_with_host = $16`;

export type SaveResult = { ok: true; id: string } | { ok: false; reason: 'duplicate_code' | 'conflict' | 'not_found' };

/** A unique violation on the code: the form says so next to the field. */
const isDuplicateCode = (e: unknown) => (e as { code?: string }).code === '23505';

export async function createParticipant(tx: Tx, municipalityId: string, f: ParticipantForm): Promise<SaveResult> {
	const [exists] = await tx.query('select 1 from casework.participants where municipality_id = $1 and code = $2', [municipalityId, f.code]);
	if (exists) return { ok: false, reason: 'duplicate_code' };
	const [{ id }] = await tx.query<{ id: string }>(
		`insert into casework.participants (municipality_id, code, area_id, age_band, target_groups, interests, strengths, goals,
		   availability, modes, max_minutes, required_accommodations, preferences, needs_companion_first_visit, notes,
		   share_summary_with_host)
		 values ($1, $2, $3, $4, $5::text[]::public.target_group[], $6, $7, $8, $9::jsonb, $10, $11,
		   $12::text[]::public.accommodation[], $13, $14, $15, $16)
		 returning id`,
		[municipalityId, ...values(f)]
	);
	await saveName(tx, id, municipalityId, f);
	return { ok: true, id };
}

/** Optimistic locking: the update names the version the editor started from. */
export async function updateParticipant(tx: Tx, id: string, f: ParticipantForm): Promise<SaveResult> {
	const [current] = await tx.query<{ municipality_id: string; version: number; assigned: boolean }>(
		`select municipality_id, version, id = any (private.assigned_participant_ids()) as assigned from casework.participants where id = $1`,
		[id]
	);
	if (!current) return { ok: false, reason: 'not_found' };
	if (current.version !== f.version) return { ok: false, reason: 'conflict' };
	const [clash] = await tx.query('select 1 from casework.participants where municipality_id = $1 and code = $2 and id <> $3', [
		current.municipality_id,
		f.code,
		id
	]);
	if (clash) return { ok: false, reason: 'duplicate_code' };
	try {
		const rows = await tx.query(`update casework.participants set ${SET} where id = $1 and version = $17 returning id`, [
			id,
			...values(f),
			f.version
		]);
		if (rows.length === 0) return { ok: false, reason: 'conflict' };
	} catch (e) {
		if (isDuplicateCode(e)) return { ok: false, reason: 'duplicate_code' };
		throw e;
	}
	// Only an assigned coordinator may see — and so change — the real name.
	if (current.assigned) await saveName(tx, id, current.municipality_id, f);
	return { ok: true, id };
}

async function saveName(tx: Tx, id: string, municipalityId: string, f: ParticipantForm) {
	if (f.real_name === '') {
		await tx.query('delete from casework.participant_names where participant_id = $1', [id]);
		return;
	}
	await tx.query(
		`insert into casework.participant_names (participant_id, municipality_id, real_name, real_name_kana) values ($1, $2, $3, $4)
		 on conflict (participant_id) do update set real_name = excluded.real_name, real_name_kana = excluded.real_name_kana`,
		[id, municipalityId, f.real_name, f.real_name_kana || null]
	);
}

export interface AreaOption {
	id: string;
	name: string;
	kind: string;
}

/** Areas to choose from, as a coordinator knows the town: 圏域, 地区, 小学校区, 自治会. */
export async function areaOptions(tx: Tx, municipalityId: string): Promise<AreaOption[]> {
	return tx.query<AreaOption>(
		`select id, name, kind::text as kind from public.areas where municipality_id = $1
		 order by array_position(array['sphere','district','school_district','neighborhood','chome']::text[], kind::text), name`,
		[municipalityId]
	);
}
