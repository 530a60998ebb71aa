import { staffRoles } from '$lib/server/platform/staff';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const signedIn = locals.claims.role === 'authenticated';
	const roles = signedIn ? await locals.db(staffRoles) : null;
	return {
		signedIn,
		email: locals.claims.email ?? null,
		moderates: !!roles && (roles.moderator || roles.tenantAdmin),
		coordinates: !!roles?.coordinator
	};
};
