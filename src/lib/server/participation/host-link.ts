/**
 * The host's side: a signed, single-use, expiring link (mailed to the organisation, or passed on
 * by the coordinator) that shows what the placement shares — the opening, and the person's
 * summary only if they agreed — and takes one answer: 見学OK with dates, or 今は難しい with a
 * reason. No account: this runs on the system path after the signature and the link's row are
 * checked, and logs the disclosure and the answer like any other read and change.
 * Also the hourly sweep: a reminder after 3 days, expiry after 7.
 */
import { HOST_REQUEST, hostRequestExpiresAt } from '$lib/domain/participation';
import { formatWareki } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { asSystem } from '../platform/db/system';
import type { Driver, Tx } from '../platform/db/types';
import type { Mailer } from '../platform/mail/index';
import { issueLink, keepLink, signLink, spendLink, viewLink } from '../platform/links/index';
import { label } from '$lib/i18n/index';
import { participationLabel } from '$lib/i18n/participation';
import { getParticipant } from './participants';
import {
	answerColumns,
	getPlacement,
	hostSummaryOf,
	issueReplyLink,
	markAsked,
	type HostAnswer,
	type PlacementRecord,
	type StepResult
} from './placements';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

export interface HostRequestView {
	openingTitle: string;
	placeName: string | null;
	organizationName: string;
	/** null unless the person agreed to share it */
	hostSummary: string | null;
	coordinatorOrganization: string;
	coordinatorPhone: string | null;
}

export type HostLinkState = 'open' | 'invalid' | 'expired' | 'used' | 'answered';

/** A placement still waiting for the host's answer; one answered by phone meanwhile is 'answered'. */
async function placementState(tx: Tx, placementId: string): Promise<'open' | 'answered' | 'invalid'> {
	const [p] = await tx.query<{ status: string }>('select status from casework.placements where id = $1', [placementId]);
	if (!p) return 'invalid';
	return p.status === 'asked' ? 'open' : 'answered';
}

type LoggedView = HostRequestView & { placementId: string; municipalityId: string; participantId: string };

async function viewOf(tx: Tx, placementId: string): Promise<LoggedView> {
	const [row] = await tx.query<LoggedView>(
		`select x.id as "placementId", x.opening_title as "openingTitle", pl.name as "placeName", org.name as "organizationName",
		        x.host_summary as "hostSummary", x.municipality_id as "municipalityId", x.participant_id as "participantId",
		        coalesce(sk.name, '') as "coordinatorOrganization", sk.phone as "coordinatorPhone"
		 from casework.placements x
		 join public.organizations org on org.id = x.organization_id
		 left join public.openings o on o.id = x.opening_id
		 left join public.places pl on pl.id = o.place_id
		 left join lateral (select s.name, s.phone from public.memberships mb join public.organizations s on s.id = mb.organization_id
		   where mb.user_id = x.created_by and mb.role = 'coordinator' limit 1) sk on true
		 where x.id = $1`,
		[placementId]
	);
	return row;
}

async function logHost(tx: Tx, action: 'view' | 'update', v: { municipalityId: string; placementId: string; participantId: string }) {
	if (action === 'update') await tx.query(`select set_config('tsunagari.via', 'host_link', true)`);
	else
		await tx.query(
			`insert into casework.access_log (municipality_id, actor_id, actor_kind, action, record_type, record_id, participant_id)
			 values ($1, null, 'host_link', 'view', 'placement', $2, $3)`,
			[v.municipalityId, v.placementId, v.participantId]
		);
}

export async function viewHostRequest(
	driver: Driver,
	key: Uint8Array,
	token: string,
	now = new Date()
): Promise<{ state: HostLinkState; request: HostRequestView | null }> {
	const { state, value } = await viewLink(driver, key, 'host_reply', token, now, async (tx, placementId, linkState) => {
		const placement = linkState === 'ok' ? await placementState(tx, placementId) : linkState;
		if (placement !== 'open') return { state: placement, request: null };
		const view = await viewOf(tx, placementId);
		await logHost(tx, 'view', view);
		// the host sees the request, never the ids behind it
		const request: HostRequestView = {
			openingTitle: view.openingTitle,
			placeName: view.placeName,
			organizationName: view.organizationName,
			hostSummary: view.hostSummary,
			coordinatorOrganization: view.coordinatorOrganization,
			coordinatorPhone: view.coordinatorPhone
		};
		return { state: placement, request };
	});
	return value ?? { state: state === 'ok' ? 'invalid' : state, request: null };
}

/** Takes the host's one answer; the link is spent whatever happens next. */
export async function answerHostRequest(
	driver: Driver,
	key: Uint8Array,
	token: string,
	answer: HostAnswer,
	now = new Date()
): Promise<HostLinkState | 'done'> {
	const spent = await spendLink(driver, key, 'host_reply', token, now, async (tx, placementId) => {
		// Locks the placement so two answers sent at once (a double tap) count once.
		await tx.query('select 1 from casework.placements where id = $1 for update', [placementId]);
		const state = await placementState(tx, placementId);
		if (state !== 'open') return keepLink(state);
		const view = await viewOf(tx, placementId);
		await logHost(tx, 'update', view);
		const { to, set } = answerColumns(answer, now);
		const params: unknown[] = [placementId, to];
		const cols = Object.entries(set).map(([c, v]) => `${c} = $${params.push(v)}`);
		await tx.query(`update casework.placements set status = $2, ${cols.join(', ')} where id = $1 and status = 'asked'`, params);
		return 'done' as const;
	});
	return spent.state === 'ok' ? spent.value : spent.state;
}

export function hostReplyUrl(origin: string, token: string): string {
	return `${origin}/host-reply/${token}`;
}

export async function signHostLink(key: Uint8Array, placementId: string, jti: string, expiresAt: Date): Promise<string> {
	return signLink(key, { purpose: 'host_reply', subject: placementId, jti, expiresAt });
}

/** What the host may see of the participant: nothing unless they agreed (in the request's language). */
async function summaryFor(tx: Tx, participantId: string): Promise<string | null> {
	const p = await getParticipant(tx, participantId);
	if (!p) return null;
	return hostSummaryOf(
		{
			shareSummaryWithHost: p.shareSummaryWithHost,
			ageBand: p.ageBand,
			required: p.requiredAccommodations,
			companion: p.needsCompanionFirstVisit
		},
		{
			ageBand: (c) => participationLabel('age_band', c),
			accommodation: (c) => label('accommodation', c),
			companion: m.participation_field_companion()
		}
	);
}

/** The summary a proposed (or expired) placement would share if asked now; the shared one otherwise. */
export async function summaryToShare(tx: Tx, placement: PlacementRecord): Promise<string | null> {
	return placement.status === 'proposed' || placement.status === 'expired'
		? summaryFor(tx, placement.participantId)
		: placement.hostSummary;
}

export type AskResult =
	| Exclude<StepResult, { ok: true }>
	| { ok: true; channel: 'phone' }
	| { ok: true; channel: 'link'; link: string; expiresAt: Date; mailedTo: string | null };

/**
 * Asking the host, as one step: the placement marked asked with the summary it shares, and — for
 * the link channel — a single-use reply link issued in the same transaction (under the
 * coordinator's claims: the definer function checks them), then mailed to the organisation.
 */
export async function askHost(
	db: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
	services: { linkKey: Uint8Array; mailer: Mailer },
	a: { placementId: string; version: number; channel: 'link' | 'phone'; origin: string; now: Date }
): Promise<AskResult> {
	const asked = await db(async (tx) => {
		const placement = await getPlacement(tx, a.placementId);
		if (!placement) return { ok: false as const, reason: 'not_found' as const };
		const summary = await summaryFor(tx, placement.participantId);
		const result = await markAsked(tx, a.placementId, a.version, a.channel, summary, a.now);
		if (!result.ok) return result;
		return { ok: true as const, placement, link: a.channel === 'link' ? await issueReplyLink(tx, a.placementId, a.now) : null };
	});
	if (!asked.ok) return asked;
	if (!asked.link) return { ok: true, channel: 'phone' };
	const token = await signHostLink(services.linkKey, a.placementId, asked.link.jti, asked.link.expiresAt);
	const link = hostReplyUrl(a.origin, token);
	const to = asked.placement.organizationEmail;
	if (to)
		await services.mailer.send(
			hostRequestMail(to, {
				opening: asked.placement.openingTitle,
				link,
				expires: asked.link.expiresAt,
				municipalityId: asked.placement.municipalityId,
				reminder: false
			})
		);
	return { ok: true, channel: 'link', link, expiresAt: asked.link.expiresAt, mailedTo: to };
}

export function hostRequestMail(
	to: string,
	p: { opening: string; link: string; expires: Date; municipalityId: string; reminder: boolean }
) {
	const expires = formatWareki(p.expires);
	return {
		kind: p.reminder ? ('host_reminder' as const) : ('host_request' as const),
		to,
		municipalityId: p.municipalityId,
		subject: p.reminder
			? m.participation_mail_host_reminder_subject({ opening: p.opening })
			: m.participation_mail_host_subject({ opening: p.opening }),
		text: m.participation_mail_host_body({ opening: p.opening, link: p.link, expires }) + `\n\n--\n${m.reg_mail_signature()}`
	};
}

/**
 * The hourly sweep: requests asked through a link and unanswered for 3 days get one reminder
 * with a fresh link (the first stays valid); after 7 days they expire, and the coordinator sees
 * them at the top of the list to ask again or choose another opening.
 */
export async function sweepHostRequests(p: {
	driver: Driver;
	mailer: Mailer;
	linkKey: Uint8Array;
	origin: string;
	now?: Date;
}): Promise<{ reminded: number; expired: number }> {
	const now = p.now ?? new Date();
	const expiredBefore = new Date(now.getTime() - HOST_REQUEST.expiresAfterDays * DAY_MS);
	const remindBefore = new Date(now.getTime() - HOST_REQUEST.remindAfterDays * DAY_MS);
	const { expired, due } = await asSystem(p.driver, async (tx) => {
		await tx.query(`select set_config('tsunagari.via', 'system', true)`);
		const expired = await tx.query(
			`update casework.placements set status = 'expired' where status = 'asked' and asked_at <= $1 returning id`,
			[expiredBefore]
		);
		const due = await tx.query<{ id: string; title: string; email: string; municipality_id: string; asked_at: Date }>(
			`select x.id, x.opening_title as title, org.email, x.municipality_id, x.asked_at
			 from casework.placements x join public.organizations org on org.id = x.organization_id
			 where x.status = 'asked' and x.ask_channel = 'link' and x.reminded_at is null and x.asked_at <= $1 and org.email is not null`,
			[remindBefore]
		);
		const links: { row: (typeof due)[number]; token: string; expiresAt: Date }[] = [];
		for (const row of due) {
			const expiresAt = hostRequestExpiresAt(row.asked_at);
			const token = await issueLink(tx, p.linkKey, { purpose: 'host_reply', subject: row.id, expiresAt, now });
			await tx.query('update casework.placements set reminded_at = $2 where id = $1', [row.id, now]);
			links.push({ row, token, expiresAt });
		}
		return { expired: expired.length, due: links };
	});
	for (const { row, token, expiresAt } of due) {
		await p.mailer.send(
			hostRequestMail(row.email, {
				opening: row.title,
				link: hostReplyUrl(p.origin, token),
				expires: expiresAt,
				municipalityId: row.municipality_id,
				reminder: true
			})
		);
	}
	return { reminded: due.length, expired };
}
