import { error } from '@sveltejs/kit';
import { participationNumbers } from '$lib/domain/participation';
import { todayJst } from '$lib/domain/schedule/jst';
import { m } from '$lib/paraglide/messages';
import { numbersInput } from '$lib/server/participation/numbers';
import { coordinatorMunicipality } from '$lib/server/participation/participants';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const input = await locals.db(async (tx) => {
		const municipalityId = await coordinatorMunicipality(tx);
		if (!municipalityId) error(403, m.pt_forbidden());
		return numbersInput(tx, municipalityId, 'view');
	});
	return { numbers: participationNumbers(input, todayJst(new Date())), areas: input.areas };
};
