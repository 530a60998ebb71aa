/**
 * Keeping listings true. Each category has a confirmation interval; a confirmation (by the
 * organisation, its one-tap link, or staff after a phone call) resets the clock. Listings
 * past due get a reminder with a signed, single-use, expiring 「変わりありません」 link;
 * overdue ones are marked on their page and ranked lower in the search, never deleted.
 */
import { CONFIRMATION_INTERVAL_DAYS, OVERDUE_GRACE_DAYS, type Freshness } from '$lib/domain/places/freshness';
import { formatWareki } from '$lib/domain/shared/wareki';
import { asSystem } from '../platform/db/system';
import type { Driver, Tx } from '../platform/db/types';
import type { Mailer } from '../platform/mail/index';
import { freshnessMail } from './mails';
import { displayNames } from './organizations';
import { issueLink, keepLink, spendLink, viewLink, type LinkState } from '../platform/links/index';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

export const FRESHNESS_LINK_DAYS = 30;
/** a listing gets at most one reminder per this many days */
export const REMINDER_EVERY_DAYS = 14;

const INTERVALS = JSON.stringify(CONFIRMATION_INTERVAL_DAYS);

/** SQL for a listing's freshness state, on `public.places p`; binds the intervals, grace and now. */
export function freshnessSql(bind: (v: unknown) => string, now: Date): { state: string; dueAt: string } {
	const intervals = bind(INTERVALS);
	const days = `(${intervals}::jsonb ->> p.category::text)::int`;
	const at = bind(now);
	const grace = bind(OVERDUE_GRACE_DAYS);
	return {
		state: `case when p.verified_at is null or p.verified_at <= ${at}::timestamptz - make_interval(days => ${days} + ${grace}::int) then 'overdue'
			when p.verified_at <= ${at}::timestamptz - make_interval(days => ${days}) then 'due' else 'fresh' end`,
		dueAt: `p.verified_at + make_interval(days => ${days})`
	};
}

export interface DueListing {
	id: string;
	name: string;
	category: string;
	organizationName: string;
	verifiedAt: Date | null;
	dueAt: Date | null;
	state: Freshness;
}

export interface RecentConfirmation {
	placeId: string;
	placeName: string;
	method: string;
	note: string | null;
	confirmedAt: Date;
	byName: string | null;
}

/** The moderator dashboard: what is due, overdue, and recently confirmed, in the caller's municipalities. */
export async function freshnessDashboard(
	tx: Tx,
	now: Date
): Promise<{ due: DueListing[]; overdue: DueListing[]; recent: RecentConfirmation[] }> {
	const params: unknown[] = [];
	const bind = (v: unknown) => `$${params.push(v)}`;
	const f = freshnessSql(bind, now);
	const rows = await tx.query<DueListing>(
		`select * from (
		   select p.id, p.name, p.category::text as category, o.name as "organizationName", p.verified_at as "verifiedAt",
		     ${f.dueAt} as "dueAt", ${f.state} as state
		   from public.places p join public.organizations o on o.id = p.organization_id
		   where p.status = 'published'
		     and p.municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}'))
		 ) x where state <> 'fresh' order by "verifiedAt" nulls first, name limit 500`,
		params
	);
	const recent = await tx.query<RecentConfirmation & { confirmedBy: string | null }>(
		`select c.place_id as "placeId", p.name as "placeName", c.method, c.note, c.confirmed_at as "confirmedAt", c.confirmed_by as "confirmedBy"
		 from public.place_confirmations c join public.places p on p.id = c.place_id
		 where c.municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}'))
		   and c.confirmed_at > $1::timestamptz - interval '30 days'
		 order by c.confirmed_at desc limit 100`,
		[now]
	);
	const names = await displayNames(
		tx,
		recent.map((r) => r.confirmedBy)
	);
	return {
		due: rows.filter((r) => r.state === 'due'),
		overdue: rows.filter((r) => r.state === 'overdue'),
		recent: recent.map(({ confirmedBy, ...r }) => ({ ...r, byName: confirmedBy ? (names.get(confirmedBy) ?? null) : null }))
	};
}

/** Listings of the caller's organisations that are due or overdue (for their own page). */
export async function dueForOrganizations(tx: Tx, now: Date): Promise<DueListing[]> {
	const params: unknown[] = [];
	const bind = (v: unknown) => `$${params.push(v)}`;
	const f = freshnessSql(bind, now);
	return tx.query<DueListing>(
		`select * from (
		   select p.id, p.name, p.category::text as category, o.name as "organizationName", p.verified_at as "verifiedAt",
		     ${f.dueAt} as "dueAt", ${f.state} as state
		   from public.places p join public.organizations o on o.id = p.organization_id
		   where p.status = 'published' and p.organization_id = any (private.user_organization_ids('{volunteer,admin}'))
		 ) x where state <> 'fresh' order by "verifiedAt" nulls first`,
		params
	);
}

export type ConfirmMethod = 'organization' | 'staff_phone';

export async function confirmListing(tx: Tx, placeId: string, method: ConfirmMethod, note: string | null): Promise<Date> {
	const [{ at }] = await tx.query<{ at: Date }>('select public.confirm_place($1, $2, $3) as at', [placeId, method, note]);
	return at;
}

// ── the one-tap link (system path: the person has no session) ─────────────────────────────

interface Recipients {
	placeName: string;
	municipalityId: string;
	emails: string[];
}

async function recipients(tx: Tx, placeId: string): Promise<Recipients | null> {
	const [p] = await tx.query<{ name: string; municipality_id: string; org_email: string | null; status: string }>(
		`select p.name, p.municipality_id, o.email as org_email, p.status::text as status
		 from public.places p join public.organizations o on o.id = p.organization_id where p.id = $1`,
		[placeId]
	);
	if (!p || p.status !== 'published') return null;
	const admins = await tx.query<{ email: string }>(
		`select distinct u.email from public.memberships m join auth.users u on u.id = m.user_id
		 join public.places p on p.organization_id = m.organization_id
		 where p.id = $1 and m.role in ('admin', 'volunteer') and u.email_confirmed_at is not null
		 order by u.email`,
		[placeId]
	);
	const emails = [...new Set([p.org_email, ...admins.map((a) => a.email)].filter((e): e is string => !!e))].slice(0, 10);
	return { placeName: p.name, municipalityId: p.municipality_id, emails };
}

export interface ReminderContext {
	driver: Driver;
	mailer: Mailer;
	linkKey: Uint8Array;
	origin: string;
	locale: 'ja' | 'en';
	now?: Date;
}

/**
 * Mails a 「変わりありません」 link for one listing to its organisation (its address and its
 * members). A background job or a moderator's button calls it; the caller has checked that the
 * moderator may (see freshnessDashboard). Returns how many addresses it went to.
 */
/** Whether the caller oversees this published listing (RLS: in their municipality, as moderator, coordinator or admin). */
export async function mayRemind(tx: Tx, placeId: string): Promise<boolean> {
	const rows = await tx.query(
		`select 1 from public.places where id = $1 and status = 'published' and municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}'))`,
		[placeId]
	);
	return rows.length > 0;
}

export async function sendReminder(ctx: ReminderContext, placeId: string): Promise<number> {
	const now = ctx.now ?? new Date();
	const expiresAt = new Date(now.getTime() + FRESHNESS_LINK_DAYS * DAY_MS);
	const prepared = await asSystem(ctx.driver, async (tx) => {
		const to = await recipients(tx, placeId);
		if (!to || !to.emails.length) return null;
		return { to, token: await issueLink(tx, ctx.linkKey, { purpose: 'freshness', subject: placeId, expiresAt, now }) };
	});
	if (!prepared) return 0;
	const token = prepared.token;
	for (const address of prepared.to.emails) {
		await ctx.mailer.send(
			freshnessMail(
				address,
				{
					place: prepared.to.placeName,
					confirmLink: `${ctx.origin}/confirm/${token}`,
					editLink: `${ctx.origin}/account/places/${placeId}`,
					expires: formatWareki(expiresAt),
					municipalityId: prepared.to.municipalityId
				},
				ctx.locale
			)
		);
	}
	return prepared.to.emails.length;
}

/**
 * The background job: a reminder for every due or overdue listing that has had none in the
 * last REMINDER_EVERY_DAYS days (at most `limit` per run). Meant for the hourly timer in
 * services.ts or a cron: `sendDueReminders({ driver, mailer, linkKey, origin: ORIGIN, locale: 'ja' })`.
 */
export async function sendDueReminders(ctx: ReminderContext, limit = 50): Promise<number> {
	const now = ctx.now ?? new Date();
	const due = await asSystem(ctx.driver, async (tx) => {
		const params: unknown[] = [];
		const bind = (v: unknown) => `$${params.push(v)}`;
		const f = freshnessSql(bind, now);
		const since = bind(new Date(now.getTime() - REMINDER_EVERY_DAYS * DAY_MS));
		return tx.query<{ id: string }>(
			`select p.id from public.places p
			 where p.status = 'published' and ${f.state} <> 'fresh'
			   and not exists (select 1 from private.signed_links s where s.purpose = 'freshness' and s.subject_id = p.id and s.created_at > ${since})
			 order by p.verified_at nulls first limit ${bind(limit)}`,
			params
		);
	});
	let sent = 0;
	for (const { id } of due) if ((await sendReminder({ ...ctx, now }, id)) > 0) sent += 1;
	return sent;
}

export type { LinkState };

export interface FreshnessLinkView {
	state: LinkState;
	place: { id: string; name: string; verifiedAt: Date | null; organizationName: string } | null;
}

/** What the link's page shows before the tap (read-only; GET must not confirm: mail scanners open links). */
export async function viewFreshnessLink(driver: Driver, key: Uint8Array, token: string, now = new Date()): Promise<FreshnessLinkView> {
	const { state, value } = await viewLink(driver, key, 'freshness', token, now, async (tx, placeId) => {
		const [row] = await tx.query<{ id: string; name: string; verified_at: Date | null; org: string; status: string }>(
			`select p.id, p.name, p.verified_at, o.name as org, p.status::text as status
			 from public.places p join public.organizations o on o.id = p.organization_id where p.id = $1`,
			[placeId]
		);
		return row?.status === 'published' ? { id: row.id, name: row.name, verifiedAt: row.verified_at, organizationName: row.org } : null;
	});
	return value ? { state, place: value } : { state: 'invalid', place: null };
}

/** The tap: confirms the listing once; the link is spent. */
export async function confirmByLink(driver: Driver, key: Uint8Array, token: string, now = new Date()): Promise<LinkState> {
	const spent = await spendLink(driver, key, 'freshness', token, now, async (tx, placeId) => {
		const [place] = await tx.query<{ organization_id: string; municipality_id: string }>(
			`select organization_id, municipality_id from public.places where id = $1 and status = 'published' for update`,
			[placeId]
		);
		if (!place) return keepLink('invalid' as const);
		await tx.query(`select set_config('tsunagari.via', 'one_tap', true)`);
		await tx.query('update public.places set verified_at = $2, verified_by = null where id = $1', [placeId, now]);
		await tx.query(
			`insert into public.place_confirmations (place_id, municipality_id, organization_id, method, confirmed_at) values ($1, $2, $3, 'one_tap', $4)`,
			[placeId, place.municipality_id, place.organization_id, now]
		);
		return 'ok' as const;
	});
	return spent.state === 'ok' ? spent.value : spent.state;
}
