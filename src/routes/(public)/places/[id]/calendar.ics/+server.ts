import { error } from '@sveltejs/kit';
import { toICalendar } from '$lib/domain/shared/schedule';
import { cached } from '$lib/server/platform/http';
import { activitiesOf, getPlace } from '$lib/server/places/places';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The place's schedule as iCalendar, with the same dates the page shows. */
export const GET: RequestHandler = async ({ params, locals, url, request }) => {
	if (!UUID.test(params.id)) error(404);
	const { place, activities } = await locals.db(async (tx) => {
		const place = await getPlace(tx, params.id);
		return { place, activities: place ? ((await activitiesOf(tx, [place.id])).get(place.id) ?? []) : [] };
	});
	if (!place) error(404);
	const body = toICalendar(
		activities.map((a) => ({
			uid: `activity-${a.id}@tsunagari-map`,
			summary: `${place.name}（${a.title}）`,
			description: place.summary ?? undefined,
			location: place.publicAddress ?? place.venueName ?? undefined,
			url: new URL(`/places/${place.id}`, url).href,
			schedule: a.schedule
		})),
		{ now: new Date() }
	);
	return cached(request, body, {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `attachment; filename="place-${place.id}.ics"`
	});
};
