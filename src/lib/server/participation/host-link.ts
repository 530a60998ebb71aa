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
import { signLink, verifyLink } from '../platform/links/tokens';
import { answerColumns, type HostAnswer } from './placements';

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

async function checkLink(tx: Tx, jti: string, placementId: string, now: Date): Promise<HostLinkState> {
	const [link] = await tx.query<{ used: boolean; expired: boolean }>(
		`select used_at is not null as used, expires_at <= $3 as expired from private.signed_links
		 where id = $1 and purpose = 'host_reply' and subject_id = $2`,
		[jti, placementId, now]
	);
	if (!link) return 'invalid';
	if (link.used) return 'used';
	if (link.expired) return 'expired';
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

export async function viewHostRequest(driver: Driver, key: Uint8Array, token: string, now = new Date()): Promise<{ state: HostLinkState; request: HostRequestView | null }> {
	const link = await verifyLink(key, 'host_reply', token, now);
	if (!link.ok) return { state: link.reason, request: null };
	return asSystem(driver, async (tx) => {
		const state = await checkLink(tx, link.jti, link.subject, now);
		if (state !== 'open') return { state, request: null };
		const view = await viewOf(tx, link.subject);
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
		return { state, request };
	});
}

/** Takes the host's one answer; the link is spent whatever happens next. */
export async function answerHostRequest(driver: Driver, key: Uint8Array, token: string, answer: HostAnswer, now = new Date()): Promise<HostLinkState | 'done'> {
	const link = await verifyLink(key, 'host_reply', token, now);
	if (!link.ok) return link.reason;
	return asSystem(driver, async (tx) => {
		// Locks the placement so two answers sent at once (a double tap) count once.
		await tx.query('select 1 from casework.placements where id = $1 for update', [link.subject]);
		const state = await checkLink(tx, link.jti, link.subject, now);
		if (state !== 'open') return state;
		const view = await viewOf(tx, link.subject);
		await logHost(tx, 'update', view);
		const { to, set } = answerColumns(answer, now);
		const params: unknown[] = [link.subject, to];
		const cols = Object.entries(set).map(([c, v]) => `${c} = $${params.push(v)}`);
		await tx.query(`update casework.placements set status = $2, ${cols.join(', ')} where id = $1 and status = 'asked'`, params);
		await tx.query('update private.signed_links set used_at = $2 where id = $1', [link.jti, now]);
		return 'done';
	});
}

export function hostReplyUrl(origin: string, token: string): string {
	return `${origin}/host-reply/${token}`;
}

export async function signHostLink(key: Uint8Array, placementId: string, jti: string, expiresAt: Date): Promise<string> {
	return signLink(key, { purpose: 'host_reply', subject: placementId, jti, expiresAt });
}

export function hostRequestMail(to: string, p: { opening: string; link: string; expires: Date; municipalityId: string; reminder: boolean }) {
	const expires = formatWareki(p.expires);
	return {
		kind: p.reminder ? ('host_reminder' as const) : ('host_request' as const),
		to,
		municipalityId: p.municipalityId,
		subject: p.reminder ? m.pt_mail_host_reminder_subject({ opening: p.opening }) : m.pt_mail_host_subject({ opening: p.opening }),
		text: m.pt_mail_host_body({ opening: p.opening, link: p.link, expires }) + `\n\n--\n${m.reg_mail_signature()}`
	};
}

/**
 * The hourly sweep: requests asked through a link and unanswered for 3 days get one reminder
 * with a fresh link (the first stays valid); after 7 days they expire, and the coordinator sees
 * them at the top of the list to ask again or choose another opening.
 */
export async function sweepHostRequests(p: { driver: Driver; mailer: Mailer; linkKey: Uint8Array; origin: string; now?: Date }): Promise<{ reminded: number; expired: number }> {
	const now = p.now ?? new Date();
	const expiredBefore = new Date(now.getTime() - HOST_REQUEST.expiresAfterDays * 86_400_000);
	const remindBefore = new Date(now.getTime() - HOST_REQUEST.remindAfterDays * 86_400_000);
	const { expired, due } = await asSystem(p.driver, async (tx) => {
		await tx.query(`select set_config('tsunagari.via', 'system', true)`);
		const expired = await tx.query(`update casework.placements set status = 'expired' where status = 'asked' and asked_at <= $1 returning id`, [expiredBefore]);
		const due = await tx.query<{ id: string; title: string; email: string; municipality_id: string; asked_at: Date }>(
			`select x.id, x.opening_title as title, org.email, x.municipality_id, x.asked_at
			 from casework.placements x join public.organizations org on org.id = x.organization_id
			 where x.status = 'asked' and x.ask_channel = 'link' and x.reminded_at is null and x.asked_at <= $1 and org.email is not null`,
			[remindBefore]
		);
		const links: { row: (typeof due)[number]; jti: string; expiresAt: Date }[] = [];
		for (const row of due) {
			const expiresAt = hostRequestExpiresAt(row.asked_at);
			const [{ id }] = await tx.query<{ id: string }>(
				`insert into private.signed_links (purpose, subject_id, expires_at) values ('host_reply', $1, $2) returning id`,
				[row.id, expiresAt]
			);
			await tx.query('update casework.placements set reminded_at = $2 where id = $1', [row.id, now]);
			links.push({ row, jti: id, expiresAt });
		}
		return { expired: expired.length, due: links };
	});
	for (const { row, jti, expiresAt } of due) {
		const token = await signHostLink(p.linkKey, row.id, jti, expiresAt);
		await p.mailer.send(hostRequestMail(row.email, { opening: row.title, link: hostReplyUrl(p.origin, token), expires: expiresAt, municipalityId: row.municipality_id, reminder: true }));
	}
	return { reminded: due.length, expired };
}
