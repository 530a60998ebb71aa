import { moderates, rolesOf } from '$lib/server/platform/staff';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const signedIn = locals.claims.role === 'authenticated';
	const roles = signedIn ? await rolesOf(locals) : null;
	return {
		signedIn,
		email: locals.claims.email ?? null,
		moderates: !!roles && moderates(roles),
		coordinates: !!roles?.coordinator
	};
};
