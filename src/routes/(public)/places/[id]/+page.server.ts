import { error } from '@sveltejs/kit';
import { describe } from '$lib/domain/shared/schedule';
import { nextDates } from '$lib/domain/places/next-dates';
import { freshness } from '$lib/domain/places/freshness';
import { formatWareki } from '$lib/domain/shared/wareki';
import { formatSpan } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { activitiesOf, getPlace, publicOpeningsOf } from '$lib/server/places/places';
import { photosOf } from '$lib/server/registration/photos-db';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!UUID.test(params.id)) error(404);
	const locale = getLocale();
	const now = new Date();
	return locals.db(async (tx) => {
		const place = await getPlace(tx, params.id);
		if (!place) error(404);
		const activities = (await activitiesOf(tx, [place.id])).get(place.id) ?? [];
		const openings = await publicOpeningsOf(tx, place.id);
		const sentence = (a: { schedule: Parameters<typeof describe>[0]; scheduleNote: string | null }) =>
			a.schedule.rrule ? describe(a.schedule, locale, { now }) : (a.scheduleNote ?? '');
		const next = nextDates(activities, now, 3);
		return {
			place,
			activities: activities.map((a) => ({ id: a.id, title: a.title, description: a.description, when: sentence(a) })),
			next: next.map((o) => ({
				key: o.key,
				title: activities.length > 1 ? o.title : null,
				text: formatSpan(o.start, o.end, locale),
				start: o.start.toISOString(),
				end: o.end.toISOString()
			})),
			openings: openings.map((o) => ({
				id: o.id,
				title: o.title,
				description: o.description,
				accommodations: o.accommodations,
				when: sentence(o)
			})),
			verified: place.verifiedAt ? formatWareki(place.verifiedAt, { day: false }) : null,
			// issue 4: approved photos only (a member signed in would also see their unapproved ones)
			photos: (await photosOf(tx, place.id))
				.filter((ph) => ph.approved)
				.map((ph) => ({ id: ph.id, caption: ph.caption, width: ph.width, height: ph.height })),
			freshness: freshness(place.category, place.verifiedAt, now).state
		};
	});
};
