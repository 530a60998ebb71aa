import { participationNumbers } from '$lib/domain/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { numbersInput } from '$lib/server/participation/numbers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { municipalityId } = await parent();
	const input = await locals.db((tx) => numbersInput(tx, municipalityId, 'view'));
	return { numbers: participationNumbers(input, todayJst(new Date())), areas: input.areas };
};
