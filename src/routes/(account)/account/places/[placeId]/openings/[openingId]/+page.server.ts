import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { openingSchema } from '$lib/domain/registration/schemas/place';
import { uuidParam } from '$lib/server/platform/route-params';
import { activitiesOfPlace, openingsOfPlace } from '$lib/server/registration/places';
import { removeOpeningAction, saveOpeningAction } from '$lib/server/registration/opening-route';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const placeId = uuidParam(params.placeId);
	const id = uuidParam(params.openingId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, placeId);
		const opening = (await openingsOfPlace(tx, placeId)).find((o) => o.id === id);
		if (!opening) error(404);
		const activities = await activitiesOfPlace(tx, placeId);
		const form = await superValidate({ ...opening.fields, id, version: opening.version }, zod4(openingSchema), { errors: false });
		return { listing: listing.meta, form, activities: activities.map((a) => ({ id: a.id, title: a.fields.title })) };
	});
};

export const actions: Actions = { save: saveOpeningAction, remove: removeOpeningAction };
