import { listPublishedPlaces } from '$lib/server/places';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	places: await locals.db((tx) => listPublishedPlaces(tx))
});
