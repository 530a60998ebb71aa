import { myMemberships } from '$lib/server/platform/memberships';
import { services } from '$lib/server/platform/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { auth } = await services();
	return {
		email: locals.claims.email ?? '',
		aal: locals.claims.aal ?? 'aal1',
		memberships: await locals.db(myMemberships),
		totp: await auth.totpStatus(locals.claims),
		enrolled: url.searchParams.has('totp_enrolled')
	};
};
