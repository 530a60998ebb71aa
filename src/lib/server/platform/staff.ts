/**
 * Which municipal roles the caller holds (read from memberships under RLS, never from claims),
 * and the one guard every staff scope uses.
 *
 * SvelteKit runs a page's load beside its layouts' loads, and runs actions and endpoints with no
 * layout at all, so a layout alone guards nothing. Every staff load, action and endpoint calls
 * `requireStaff` (or its scope's guard built on it) before its first query; the roles are read
 * once per request, however many of them ask. RLS still decides every row: this only turns a
 * refusal into a clear page instead of a failed or empty query.
 */
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Tx } from './db/types';

export interface StaffRoles {
	moderator: boolean;
	coordinator: boolean;
	agencyStaff: boolean;
	/** admin of a 主管課: the tenant administrator */
	tenantAdmin: boolean;
}

export async function staffRoles(tx: Tx): Promise<StaffRoles> {
	const [row] = await tx.query<StaffRoles>(
		`select cardinality(private.user_municipality_ids('{moderator}')) > 0 as moderator,
		        cardinality(private.user_municipality_ids('{coordinator}')) > 0 as coordinator,
		        cardinality(private.user_municipality_ids('{agency_staff}')) > 0 as "agencyStaff",
		        cardinality(private.user_municipality_ids('{admin}')) > 0 as "tenantAdmin"`
	);
	return row;
}

/** The part of a load, action or endpoint event a guard reads. */
export interface GuardEvent {
	locals: App.Locals;
	url: URL;
	request: Request;
}

export const anyStaffRole = (r: StaffRoles): boolean => r.moderator || r.coordinator || r.agencyStaff || r.tenantAdmin;
/** Moderation: the municipality's moderators (社協) and its tenant administrators (主管課). */
export const moderates = (r: StaffRoles): boolean => r.moderator || r.tenantAdmin;

const rolesByRequest = new WeakMap<App.Locals, Promise<StaffRoles>>();

/** The signed-in caller's roles, read at most once per request. */
export function rolesOf(locals: App.Locals): Promise<StaffRoles> {
	let roles = rolesByRequest.get(locals);
	if (!roles) {
		roles = locals.db(staffRoles);
		rolesByRequest.set(locals, roles);
	}
	return roles;
}

/** A signed-out caller goes to sign-in and comes back; a caller without the role gets a 403. */
export async function requireStaff(
	event: GuardEvent,
	may: (r: StaffRoles) => boolean = anyStaffRole,
	refusal: () => string = m.reg_forbidden
): Promise<StaffRoles> {
	if (event.locals.claims.role !== 'authenticated') {
		const next = event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
		redirect(303, `${localizeHref('/auth/sign-in')}?next=${encodeURIComponent(next)}`);
	}
	const roles = await rolesOf(event.locals);
	if (!may(roles)) error(403, refusal());
	return roles;
}
