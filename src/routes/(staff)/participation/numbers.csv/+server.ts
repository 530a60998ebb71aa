import { csvLabels } from '$lib/i18n/participation-numbers';
import { numbersCsv, participationNumbers } from '$lib/domain/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { getLocale } from '$lib/paraglide/runtime';
import { numbersInput } from '$lib/server/participation/numbers';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { RequestHandler } from './$types';

/** The numbers as the 社協's spreadsheet takes them. */
export const GET: RequestHandler = async (event) => {
	const { locals } = event;
	const { municipalityId } = await requireCoordinator(event);
	const today = todayJst(new Date());
	const input = await locals.db((tx) => numbersInput(tx, municipalityId, 'export'));
	const csv = numbersCsv(participationNumbers(input, today), csvLabels(input.areas, getLocale()));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="participation-numbers-${today}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
