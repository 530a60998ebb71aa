import { error } from '@sveltejs/kit';
import { csvLabels } from '$lib/i18n/participation-numbers';
import { numbersCsv, participationNumbers } from '$lib/domain/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { numbersInput } from '$lib/server/participation/numbers';
import { coordinatorMunicipality } from '$lib/server/participation/participants';
import { requireCasework } from '$lib/server/participation/guard';
import type { RequestHandler } from './$types';

/** The numbers as the 社協's spreadsheet takes them. An endpoint runs no layout, so it checks for itself. */
export const GET: RequestHandler = async ({ locals }) => {
	requireCasework(locals);
	const today = todayJst(new Date());
	const input = await locals.db(async (tx) => {
		const municipalityId = await coordinatorMunicipality(tx);
		if (!municipalityId) error(403, m.participation_forbidden());
		return numbersInput(tx, municipalityId, 'export');
	});
	const csv = numbersCsv(participationNumbers(input, today), csvLabels(input.areas, getLocale()));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="participation-numbers-${today}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
