/**
 * Placements under RLS, for coordinators: propose, ask the host (link or phone), record the
 * host's answer heard on the phone, each step after it, and the follow-ups. The workflow's rules
 * are the domain's (canTransition, followUpsFor); the database enforces the same transitions.
 * Each write names the version the coordinator saw, so two people acting at once cannot both win.
 */
import { addDays, canTransition, followUpsFor, hostRequestExpiresAt, type PlacementStatus } from '$lib/domain/participation';
import type { Tx } from '../platform/db/types';
import { logReads } from './access-log';
import { verdictFor } from './matching';

export interface PlacementRecord {
	id: string;
	municipalityId: string;
	participantId: string;
	participantCode: string;
	openingId: string | null;
	openingTitle: string;
	organizationName: string;
	organizationEmail: string | null;
	organizationPhone: string | null;
	placeName: string | null;
	status: PlacementStatus;
	score: number | null;
	reasons: string | null;
	hostSummary: string | null;
	askedAt: Date | null;
	askChannel: 'link' | 'phone' | null;
	hostRepliedAt: Date | null;
	hostReply: 'ok' | 'difficult' | null;
	hostDeclineReason: string | null;
	trialVisitDates: string[];
	hostMessage: string | null;
	trialVisitOn: string | null;
	startedOn: string | null;
	endedOn: string | null;
	endReason: string | null;
	endNote: string | null;
	helperSince: string | null;
	version: number;
	createdAt: Date;
}

const COLUMNS = `x.id, x.municipality_id as "municipalityId", x.participant_id as "participantId", p.code as "participantCode",
	x.opening_id as "openingId", x.opening_title as "openingTitle", org.name as "organizationName",
	org.email as "organizationEmail", org.phone as "organizationPhone", pl.name as "placeName", x.status, x.score, x.reasons,
	x.host_summary as "hostSummary", x.asked_at as "askedAt", x.ask_channel as "askChannel", x.host_replied_at as "hostRepliedAt",
	x.host_reply as "hostReply", x.host_decline_reason as "hostDeclineReason", x.trial_visit_dates::text[] as "trialVisitDates",
	x.host_message as "hostMessage", x.trial_visit_on as "trialVisitOn", x.started_on as "startedOn", x.ended_on as "endedOn",
	x.end_reason as "endReason", x.end_note as "endNote", x.helper_since as "helperSince", x.version, x.created_at as "createdAt"`;

const FROM = `casework.placements x
	join casework.participants p on p.id = x.participant_id
	join public.organizations org on org.id = x.organization_id
	left join public.openings o on o.id = x.opening_id
	left join public.places pl on pl.id = o.place_id`;

export async function getPlacement(tx: Tx, id: string): Promise<PlacementRecord | null> {
	const [row] = await tx.query<PlacementRecord>(`select ${COLUMNS} from ${FROM} where x.id = $1`, [id]);
	if (row) await logReads(tx, 'view', 'placement', [{ id: row.id, municipalityId: row.municipalityId, participantId: row.participantId }]);
	return row ?? null;
}

export async function placementsOf(tx: Tx, participantId: string): Promise<PlacementRecord[]> {
	const rows = await tx.query<PlacementRecord>(`select ${COLUMNS} from ${FROM} where x.participant_id = $1 order by x.created_at desc`, [
		participantId
	]);
	await logReads(
		tx,
		'list',
		'placement',
		rows.map((r) => ({ id: r.id, municipalityId: r.municipalityId, participantId: r.participantId }))
	);
	return rows;
}

export type ProposeResult = { ok: true; id: string } | { ok: false; reason: 'not_found' | 'already' };

/**
 * Proposes an opening. The engine's score and reasons are recomputed here, not taken from the
 * form; a near miss may be proposed too (the coordinator decides), with its reason recorded.
 */
export async function propose(tx: Tx, participantId: string, openingId: string, now: Date): Promise<ProposeResult> {
	const verdict = await verdictFor(tx, participantId, openingId, now);
	if (!verdict) return { ok: false, reason: 'not_found' };
	const score = verdict.match?.score ?? verdict.nearMiss?.score ?? null;
	const reasons = verdict.match?.sentence ?? verdict.nearMiss?.reason ?? null;
	// the partial unique index turns a double submit (or a second tab) into 'already'
	const rows = await tx.query<{ id: string }>(
		`insert into casework.placements (municipality_id, participant_id, opening_id, organization_id, opening_title, score, reasons)
		 values ($1, $2, $3, $1, '', $4, $5)
		 on conflict (participant_id, opening_id) where status not in ('declined', 'expired', 'withdrawn', 'ended') do nothing
		 returning id`,
		[verdict.participant.municipality_id, participantId, openingId, score, reasons]
	);
	return rows.length ? { ok: true, id: rows[0].id } : { ok: false, reason: 'already' };
}

/**
 * What the host is shown, and only with the person's consent: age band, the 配慮 they need,
 * whether someone comes along the first time. Never the code, the area, the notes or a name.
 */
export function hostSummaryOf(
	p: { shareSummaryWithHost: boolean; ageBand: string; required: string[]; companion: boolean },
	labels: {
		ageBand: (code: string) => string;
		accommodation: (code: string) => string;
		companion: string;
	}
): string | null {
	if (!p.shareSummaryWithHost) return null;
	const parts = [labels.ageBand(p.ageBand), ...p.required.map(labels.accommodation)];
	if (p.companion) parts.push(labels.companion);
	return parts.join('・').slice(0, 500);
}

export type StepResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'conflict' | 'not_allowed' }
	/** the date is before the step it follows (a start before the trial visit, an end before the start) */
	| { ok: false; reason: 'too_early'; after: string };

async function current(tx: Tx, id: string) {
	const [row] = await tx.query<{
		status: PlacementStatus;
		version: number;
		trial_visit_on: string | null;
		started_on: string | null;
		municipality_id: string;
	}>('select status, version, trial_visit_on, started_on, municipality_id from casework.placements where id = $1', [id]);
	return row ?? null;
}

type Current = NonNullable<Awaited<ReturnType<typeof current>>>;

/**
 * Moves the placement to `to` with the given columns, if the workflow allows it from where it is
 * (`row` when the caller has just read it).
 */
async function move(
	tx: Tx,
	id: string,
	version: number,
	to: PlacementStatus | null,
	set: Record<string, unknown>,
	row?: Current | null
): Promise<StepResult> {
	if (row === undefined) row = await current(tx, id);
	if (!row) return { ok: false, reason: 'not_found' };
	if (row.version !== version) return { ok: false, reason: 'conflict' };
	if (to !== null && !canTransition(row.status, to)) return { ok: false, reason: 'not_allowed' };
	const params: unknown[] = [id, version];
	const bind = (v: unknown) => `$${params.push(v)}`;
	const assignments = Object.entries(to ? { status: to, ...set } : set).map(([c, v]) => `${c} = ${bind(v)}`);
	const updated = await tx.query(
		`update casework.placements set ${assignments.join(', ')} where id = $1 and version = $2 returning id`,
		params
	);
	return updated.length ? { ok: true } : { ok: false, reason: 'conflict' };
}

/** Asking the host: 'asked' from a proposal (or again after expiry), with the summary the host may see. */
export async function markAsked(
	tx: Tx,
	id: string,
	version: number,
	channel: 'link' | 'phone',
	hostSummary: string | null,
	now: Date
): Promise<StepResult> {
	return move(tx, id, version, 'asked', { ask_channel: channel, asked_at: now, reminded_at: null, host_summary: hostSummary });
}

/** A reply link's row, for a placement just marked asked (through the definer function). */
export async function issueReplyLink(tx: Tx, placementId: string, askedAt: Date): Promise<{ jti: string; expiresAt: Date }> {
	const expiresAt = hostRequestExpiresAt(askedAt);
	const [{ id }] = await tx.query<{ id: string }>('select private.issue_host_reply_link($1, $2) as id', [placementId, expiresAt]);
	return { jti: id, expiresAt };
}

export interface HostAnswer {
	answer: 'ok' | 'difficult';
	trialVisitDates: string[];
	reason: string | null;
	message: string | null;
}

/** The host's answer as columns; shared by the phone record and the reply link. */
export function answerColumns(a: HostAnswer, now: Date) {
	return {
		to: (a.answer === 'ok' ? 'accepted' : 'declined') as PlacementStatus,
		set: {
			host_reply: a.answer,
			host_replied_at: now,
			trial_visit_dates: a.answer === 'ok' ? a.trialVisitDates : [],
			host_decline_reason: a.answer === 'difficult' ? a.reason : null,
			host_message: a.message
		}
	};
}

/** The coordinator records an answer the host gave on the phone. */
export async function recordHostAnswer(tx: Tx, id: string, version: number, a: HostAnswer, now: Date): Promise<StepResult> {
	const { to, set } = answerColumns(a, now);
	return move(tx, id, version, to, set);
}

export type Step = 'trial_visit' | 'active' | 'settled' | 'ended' | 'withdrawn' | 'helper';

/** 見学・体験, 参加開始 (which schedules the follow-ups), 定着, 終了, 取り下げ, 協力者に. */
export async function recordStep(
	tx: Tx,
	id: string,
	version: number,
	step: Step,
	on: string,
	reason: string | null,
	note: string | null
): Promise<StepResult> {
	// The database refuses these orders too; here they become a message next to the date.
	const row = await current(tx, id);
	const after = step === 'active' ? row?.trial_visit_on : step === 'ended' || step === 'helper' ? row?.started_on : null;
	if (after && on < after) return { ok: false, reason: 'too_early', after };
	switch (step) {
		case 'trial_visit':
			return move(tx, id, version, 'trial_visit', { trial_visit_on: on }, row);
		case 'active': {
			const result = await move(tx, id, version, 'active', { started_on: on }, row);
			if (result.ok)
				for (const f of followUpsFor(on))
					await tx.query(
						`insert into casework.follow_ups (municipality_id, placement_id, kind, due_on) values ($1, $2, $3, $4)
						 on conflict (placement_id, kind) do nothing`,
						[row!.municipality_id, id, f.kind, f.dueOn]
					);
			return result;
		}
		case 'settled':
			return move(tx, id, version, 'settled', {}, row);
		case 'ended':
			return move(tx, id, version, 'ended', { ended_on: on, end_reason: reason, end_note: note }, row);
		case 'withdrawn':
			return move(tx, id, version, 'withdrawn', { end_reason: reason, end_note: note }, row);
		case 'helper':
			if (row && row.status !== 'active' && row.status !== 'settled') return { ok: false, reason: 'not_allowed' };
			return move(tx, id, version, null, { helper_since: on }, row);
	}
}

export interface FollowUpRecord {
	id: string;
	placementId: string;
	participantId: string;
	participantCode: string;
	openingTitle: string;
	kind: 'week1' | 'month1' | 'month3';
	dueOn: string;
	doneOn: string | null;
	selfReport: string | null;
	hostNote: string | null;
	note: string | null;
	version: number;
}

const FOLLOW_UP_COLUMNS = `f.id, f.placement_id as "placementId", x.participant_id as "participantId", p.code as "participantCode",
	x.opening_title as "openingTitle", f.kind, f.due_on as "dueOn", f.done_on as "doneOn", f.self_report as "selfReport",
	f.host_note as "hostNote", f.note, f.version`;
const FOLLOW_UP_FROM = `casework.follow_ups f join casework.placements x on x.id = f.placement_id join casework.participants p on p.id = x.participant_id`;

export async function followUpsOf(tx: Tx, placementId: string): Promise<FollowUpRecord[]> {
	return tx.query<FollowUpRecord>(`select ${FOLLOW_UP_COLUMNS} from ${FOLLOW_UP_FROM} where f.placement_id = $1 order by f.due_on`, [
		placementId
	]);
}

/** The coordinator's list: follow-ups not yet done that are due within `days` (overdue ones first). */
export async function followUpsDue(tx: Tx, today: string, days = 3): Promise<FollowUpRecord[]> {
	const rows = await tx.query<FollowUpRecord & { municipalityId: string }>(
		`select ${FOLLOW_UP_COLUMNS}, f.municipality_id as "municipalityId" from ${FOLLOW_UP_FROM}
		 where f.done_on is null and f.due_on <= $1::date and x.status in ('active', 'settled')
		 order by f.due_on, p.code limit 200`,
		[addDays(today, days)]
	);
	await logReads(
		tx,
		'list',
		'follow_up',
		rows.map((r) => ({ id: r.id, municipalityId: r.municipalityId, participantId: r.participantId }))
	);
	return rows;
}

export async function recordFollowUp(
	tx: Tx,
	f: { id: string; version: number; doneOn: string; selfReport: string | null; hostNote: string | null; note: string | null }
): Promise<StepResult> {
	const rows = await tx.query(
		`update casework.follow_ups set done_on = $3, self_report = $4, host_note = $5, note = $6, done_by = auth.uid()
		 where id = $1 and version = $2 returning id`,
		[f.id, f.version, f.doneOn, f.selfReport, f.hostNote, f.note]
	);
	if (rows.length) return { ok: true };
	const exists = await tx.query('select 1 from casework.follow_ups where id = $1', [f.id]);
	return { ok: false, reason: exists.length ? 'conflict' : 'not_found' };
}

export interface OpenRequest {
	id: string;
	participantId: string;
	participantCode: string;
	openingTitle: string;
	organizationName: string;
	status: 'asked' | 'expired' | 'proposed';
	askedAt: Date | null;
}

/** Requests waiting for the host, expired ones to ask again, and proposals not yet sent. */
export async function openRequests(tx: Tx): Promise<OpenRequest[]> {
	const rows = await tx.query<OpenRequest & { municipalityId: string }>(
		`select x.id, x.participant_id as "participantId", p.code as "participantCode", x.opening_title as "openingTitle",
		        org.name as "organizationName", x.status, x.asked_at as "askedAt", x.municipality_id as "municipalityId"
		 from casework.placements x join casework.participants p on p.id = x.participant_id
		 join public.organizations org on org.id = x.organization_id
		 where x.status in ('proposed', 'asked', 'expired')
		 order by array_position(array['expired','asked','proposed'], x.status), x.asked_at nulls last, p.code limit 200`
	);
	await logReads(
		tx,
		'list',
		'placement',
		rows.map((r) => ({ id: r.id, municipalityId: r.municipalityId, participantId: r.participantId }))
	);
	return rows;
}
