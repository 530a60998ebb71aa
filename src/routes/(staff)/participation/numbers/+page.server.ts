import { participationNumbers } from '$lib/domain/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { numbersInput } from '$lib/server/participation/numbers';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { municipalityId } = await requireCoordinator(event);
	const input = await locals.db((tx) => numbersInput(tx, municipalityId, 'view'));
	return { numbers: participationNumbers(input, todayJst(new Date())), areas: input.areas };
};
