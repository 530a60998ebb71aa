import type { CardPlace } from '$lib/components/search';
import { describe } from '$lib/domain/shared/schedule';
import { parseSearch } from '$lib/domain/places/search';
import { formatSpan } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { activitiesOf, areaOptions } from '$lib/server/places/places';
import { nothingFound, PAGE_SIZE, searchPlaces } from '$lib/server/places/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { filter, errors } = parseSearch(url.searchParams);
	const locale = getLocale();
	const now = new Date();
	return locals.db(async (tx) => {
		const { places, total } = await searchPlaces(tx, filter, now);
		const activities = await activitiesOf(
			tx,
			places.map((p) => p.id)
		);
		const cards: CardPlace[] = places.map((p) => ({
			id: p.id,
			name: p.name,
			category: p.category,
			summary: p.summary,
			publicAddress: p.publicAddress,
			disclosure: p.disclosure,
			feeYen: p.feeYen,
			accommodations: p.accommodations,
			distanceM: p.distanceM,
			next: p.nextStart && p.nextEnd ? formatSpan(p.nextStart, p.nextEnd, locale) : null,
			when: (activities.get(p.id) ?? []).map((a) => (a.schedule.rrule ? describe(a.schedule, locale) : (a.scheduleNote ?? ''))),
			located: p.lon !== null
		}));
		// a page past the end is not a search that found nothing
		const { suggestion } = total === 0 ? await nothingFound(tx, filter, now) : { suggestion: null };
		return { filter, errors, total, pageSize: PAGE_SIZE, places: cards, areas: await areaOptions(tx), suggestion };
	});
};
