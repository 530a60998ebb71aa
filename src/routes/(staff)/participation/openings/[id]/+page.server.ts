import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { participantsFor } from '$lib/server/participation/matching';
import { coordinatorMunicipality } from '$lib/server/participation/participants';
import type { PageServerLoad } from './$types';

/** The reverse view: for a host's opening, which participants fit, by the same rules. */
export const load: PageServerLoad = async ({ locals, params }) => {
	return locals.db(async (tx) => {
		const municipalityId = await coordinatorMunicipality(tx);
		if (!municipalityId) error(403, m.pt_forbidden());
		const ranked = await participantsFor(tx, municipalityId, params.id, new Date());
		if (!ranked) error(404, m.pt_error_not_found());
		return { ranked };
	});
};
