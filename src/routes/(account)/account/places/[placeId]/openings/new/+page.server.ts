import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { EMPTY_SCHEDULE } from '$lib/domain/registration/place-values';
import { openingSchema } from '$lib/domain/registration/schemas/place';
import { todayJst } from '$lib/domain/shared/wareki';
import { uuidParam } from '$lib/server/platform/route-params';
import { activitiesOfPlace } from '$lib/server/registration/places';
import { saveOpeningAction } from '$lib/server/registration/opening-route';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const placeId = uuidParam(params.placeId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, placeId);
		const activities = await activitiesOfPlace(tx, placeId);
		const form = await superValidate(
			{
				...EMPTY_SCHEDULE,
				id: crypto.randomUUID(),
				version: 0,
				activity_id: '',
				title: '',
				description: '',
				capacity: '',
				accommodations: [],
				target_groups: [],
				age_min: '',
				age_max: '',
				visibility: 'public',
				status: 'open',
				dtstart: todayJst(new Date()),
				holiday_policy: 'skip'
			},
			zod4(openingSchema),
			{ errors: false }
		);
		return { listing: listing.meta, form, activities: activities.map((a) => ({ id: a.id, title: a.fields.title })) };
	});
};

export const actions: Actions = { save: saveOpeningAction };
