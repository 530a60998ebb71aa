import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { coordinatorMunicipality } from '$lib/server/participation/participants';
import { services } from '$lib/server/platform/services';
import type { LayoutServerLoad } from './$types';

/**
 * 参加支援: the municipality's coordinators, in a TOTP-verified session (aal2) — the database
 * refuses participant data to anything less; this only sends people where they can get it:
 * the sign-in challenge when they have a factor, enrolment when they do not.
 */
export const load: LayoutServerLoad = async ({ parent, locals, url }) => {
	const { staff } = await parent();
	if (!staff.coordinator) error(403, m.participation_forbidden());
	if (locals.claims.aal !== 'aal2') {
		const { auth } = await services();
		const next = encodeURIComponent(url.pathname + url.search);
		const enrolled = (await auth.totpStatus(locals.claims)) === 'verified';
		redirect(303, `${localizeHref(enrolled ? '/auth/totp' : '/account/totp')}?next=${next}&why=aal2`);
	}
	// the town the pages work in, read once for all of them
	const municipalityId = await locals.db(coordinatorMunicipality);
	if (!municipalityId) error(403, m.participation_forbidden());
	return { municipalityId };
};
