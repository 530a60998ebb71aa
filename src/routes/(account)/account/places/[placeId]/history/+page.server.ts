import { error } from '@sveltejs/kit';
import { historyFields } from '$lib/domain/registration/history-display';
import { formatDateTime } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { placeHistory } from '$lib/server/registration/history';
import { uuidParam } from '$lib/server/platform/route-params';
import { getPlaceRecord } from '$lib/server/registration/places';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = uuidParam(params.placeId);
	const locale = getLocale();
	return locals.db(async (tx) => {
		const listing = await getPlaceRecord(tx, id);
		if (!listing) error(404);
		const entries = await placeHistory(tx, id);
		return {
			listing: listing.meta,
			entries: entries.map((e) => {
				const row = (e.after ?? e.before) as Record<string, unknown> | null;
				return {
					id: e.id,
					entity: e.entity,
					action: e.action,
					via: e.via,
					actor: e.actorName,
					at: formatDateTime(e.at, locale),
					fields: e.action === 'update' ? historyFields(e.before, e.after, locale) : [],
					title: String(row?.title ?? row?.name ?? '')
				};
			})
		};
	});
};
