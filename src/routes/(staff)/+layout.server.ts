import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { staffRoles } from '$lib/server/platform/staff';
import type { LayoutServerLoad } from './$types';

/**
 * The staff area: signed in, and a municipal role (moderator, coordinator, agency staff or
 * tenant admin) read from the memberships. Each section narrows this in its own layout;
 * RLS still decides every row.
 */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (locals.claims.role !== 'authenticated')
		redirect(303, `${localizeHref('/auth/sign-in')}?next=${encodeURIComponent(url.pathname + url.search)}`);
	const roles = await locals.db(staffRoles);
	if (!roles.moderator && !roles.coordinator && !roles.agencyStaff && !roles.tenantAdmin) error(403, m.reg_forbidden());
	return { staff: roles };
};
