import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { participantsFor } from '$lib/server/participation/matching';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { PageServerLoad } from './$types';

/** The reverse view: for a host's opening, which participants fit, by the same rules. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const { municipalityId } = await requireCoordinator(event);
	const ranked = await locals.db((tx) => participantsFor(tx, municipalityId, params.id, new Date()));
	if (!ranked) error(404, m.participation_error_not_found());
	return { ranked };
};
