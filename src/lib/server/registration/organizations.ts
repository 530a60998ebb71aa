/**
 * Organisations, their members and invitations — under the caller's claims (RLS decides;
 * public.create_organization and public.accept_invitation are the two security definer paths).
 */
import type { MembershipRole, OrganizationKind, PlaceStatus } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';

export interface OrganizationValues {
	id: string;
	municipality_id: string;
	kind: string;
	name: string;
	name_kana: string;
	description: string;
	phone: string;
	email: string;
	website: string;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export type CreateOrganizationResult = { ok: true } | { ok: false; reason: 'rate_limited' | 'not_allowed' | 'unconfirmed' };

export async function createOrganization(tx: Tx, v: OrganizationValues): Promise<void> {
	await tx.query(`select public.create_organization($1, $2, $3::public.organization_kind, $4, $5, $6, $7, $8, $9)`, [
		v.id,
		v.municipality_id,
		v.kind,
		v.name,
		orNull(v.name_kana),
		orNull(v.description),
		orNull(v.phone),
		orNull(v.email),
		orNull(v.website)
	]);
}

export interface Organization extends OrganizationValues {
	version: number;
	trusted: boolean;
	isPublic: boolean;
	municipalityName: string;
	/** the caller's roles in it */
	roles: MembershipRole[];
	/** the caller may edit it (org admin, moderator or tenant admin) */
	canEdit: boolean;
	canInvite: boolean;
}

export async function getOrganization(tx: Tx, id: string): Promise<Organization | null> {
	const [row] = await tx.query<Organization>(
		`select o.id, o.municipality_id, o.kind::text as kind, o.name, coalesce(o.name_kana, '') as name_kana,
		   coalesce(o.description, '') as description, coalesce(o.phone, '') as phone, coalesce(o.email, '') as email,
		   coalesce(o.website, '') as website, o.version, o.trusted, o.is_public as "isPublic", mu.name as "municipalityName",
		   coalesce((select array_agg(m.role::text order by m.role) from public.memberships m where m.organization_id = o.id and m.user_id = auth.uid()), '{}') as roles,
		   (o.id = any (private.user_organization_ids('{admin}')) or o.municipality_id = any (private.user_municipality_ids('{admin,moderator}'))) as "canEdit",
		   (o.id = any (private.user_organization_ids('{admin}')) or o.municipality_id = any (private.user_municipality_ids('{admin}'))) as "canInvite"
		 from public.organizations o join public.municipalities mu on mu.id = o.municipality_id where o.id = $1`,
		[id]
	);
	return row ?? null;
}

export type SavedOrganization = { ok: true } | { ok: false; reason: 'conflict' | 'not_found' };

export async function updateOrganization(tx: Tx, v: OrganizationValues & { version: number }): Promise<SavedOrganization> {
	const rows = await tx.query(
		`update public.organizations set kind = $3::public.organization_kind, name = $4, name_kana = $5, description = $6, phone = $7, email = $8, website = $9
		 where id = $1 and version = $2 returning id`,
		[v.id, v.version, v.kind, v.name, orNull(v.name_kana), orNull(v.description), orNull(v.phone), orNull(v.email), orNull(v.website)]
	);
	if (rows.length) return { ok: true };
	const exists = await tx.query('select 1 from public.organizations where id = $1', [v.id]);
	return { ok: false, reason: exists.length ? 'conflict' : 'not_found' };
}

export interface MyOrganization {
	id: string;
	name: string;
	kind: OrganizationKind;
	roles: MembershipRole[];
	municipalityName: string;
}

export async function myOrganizations(tx: Tx): Promise<MyOrganization[]> {
	return tx.query<MyOrganization>(
		`select o.id, o.name, o.kind::text as kind, array_agg(m.role::text order by m.role) as roles, mu.name as "municipalityName"
		 from public.memberships m join public.organizations o on o.id = m.organization_id
		 join public.municipalities mu on mu.id = o.municipality_id
		 where m.user_id = auth.uid() group by o.id, o.name, o.kind, mu.name order by o.name`
	);
}

export async function municipalities(tx: Tx): Promise<{ id: string; name: string; prefecture: string }[]> {
	return tx.query(`select id, name, prefecture from public.municipalities order by code`);
}

export interface OrgListing {
	id: string;
	name: string;
	category: string;
	status: PlaceStatus;
	verifiedAt: Date | null;
	pending: number;
	/** the reason of the last send-back, while the listing is still a draft */
	returnedReason: string | null;
}

export async function organizationListings(tx: Tx, orgId: string): Promise<OrgListing[]> {
	return tx.query<OrgListing>(
		`select p.id, p.name, p.category::text as category, p.status::text as status, p.verified_at as "verifiedAt",
		   (select count(*)::int from public.change_requests c where c.place_id = p.id and c.status = 'pending') as pending,
		   (select c.reason from public.change_requests c where c.place_id = p.id and c.status = 'returned'
		     and not exists (select 1 from public.change_requests n where n.place_id = p.id and n.created_at > c.created_at)
		     order by c.decided_at desc limit 1) as "returnedReason"
		 from public.places p where p.organization_id = $1 order by p.status, p.name`,
		[orgId]
	);
}

export interface Member {
	userId: string;
	name: string;
	roles: MembershipRole[];
}

export async function organizationMembers(tx: Tx, orgId: string): Promise<Member[]> {
	const rows = await tx.query<{ userId: string; roles: MembershipRole[] }>(
		`select m.user_id as "userId", array_agg(m.role::text order by m.role) as roles from public.memberships m
		 where m.organization_id = $1 group by m.user_id`,
		[orgId]
	);
	const names = await displayNames(
		tx,
		rows.map((r) => r.userId)
	);
	return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '—' })).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/** Display names of the given users, as far as the caller may know them. */
export async function displayNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((i): i is string => !!i))];
	if (!wanted.length) return new Map();
	const rows = await tx.query<{ id: string; name: string }>('select id, name from public.display_names($1::uuid[])', [wanted]);
	return new Map(rows.map((r) => [r.id, r.name]));
}

// ── invitations ────────────────────────────────────────────────────────────────────────────

export async function createInvitation(
	tx: Tx,
	i: { id: string; organizationId: string; email: string | null; nonceHash: string; expiresAt: Date }
): Promise<boolean> {
	if ((await tx.query('select 1 from public.invitations where id = $1', [i.id])).length) return false;
	await tx.query(
		`insert into public.invitations (id, organization_id, municipality_id, email, nonce_hash, expires_at)
		 select $1, o.id, o.municipality_id, $3, $4, $5 from public.organizations o where o.id = $2`,
		[i.id, i.organizationId, i.email, i.nonceHash, i.expiresAt]
	);
	return true;
}

export interface InvitationRow {
	id: string;
	email: string | null;
	createdAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	acceptedBy: string | null;
	revokedAt: Date | null;
}

export async function organizationInvitations(tx: Tx, orgId: string): Promise<InvitationRow[]> {
	return tx.query<InvitationRow>(
		`select id, email, created_at as "createdAt", expires_at as "expiresAt", accepted_at as "acceptedAt",
		   accepted_by as "acceptedBy", revoked_at as "revokedAt"
		 from public.invitations where organization_id = $1 order by created_at desc limit 50`,
		[orgId]
	);
}

export async function revokeInvitation(tx: Tx, id: string): Promise<boolean> {
	return (
		(
			await tx.query(
				'update public.invitations set revoked_at = now() where id = $1 and revoked_at is null and accepted_at is null returning id',
				[id]
			)
		).length > 0
	);
}

export type AcceptResult = 'joined' | 'already' | 'invalid' | 'expired' | 'used' | 'revoked' | 'wrong_account';

export async function acceptInvitation(tx: Tx, id: string, nonce: string): Promise<AcceptResult> {
	const [{ result }] = await tx.query<{ result: AcceptResult }>('select public.accept_invitation($1, $2) as result', [id, nonce]);
	return result;
}

/** The organisation the caller joined most recently (visible to them as a member). */
export async function newestMembership(tx: Tx): Promise<string | null> {
	const [row] = await tx.query<{ id: string }>(
		`select organization_id as id from public.memberships where user_id = auth.uid() order by created_at desc limit 1`
	);
	return row?.id ?? null;
}
