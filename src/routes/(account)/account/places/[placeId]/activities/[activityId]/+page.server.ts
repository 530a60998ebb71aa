import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ActivityFields } from '$lib/domain/registration/place-values';
import { activitySchema } from '$lib/domain/registration/schemas/place';
import { removeActivityAction, saveActivityAction } from '$lib/server/registration/activity-route';
import { uuidParam } from '$lib/server/platform/route-params';
import { activitiesOfPlace, canEditDirectly } from '$lib/server/registration/places';
import { pendingRequest } from '$lib/server/registration/moderation';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const placeId = uuidParam(params.placeId);
	const id = uuidParam(params.activityId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, placeId);
		const activity = (await activitiesOfPlace(tx, placeId)).find((a) => a.id === id);
		if (!activity) error(404);
		const direct = await canEditDirectly(tx, placeId);
		const pending = direct ? null : await pendingRequest(tx, placeId, 'activity', id);
		const start = (pending?.action === 'update' ? (pending.proposed as ActivityFields) : null) ?? activity.fields;
		const form = await superValidate(
			{ ...start, id, version: pending?.version ?? activity.version, request_id: pending?.id ?? '' },
			zod4(activitySchema),
			{ errors: false }
		);
		return { listing: listing.meta, direct, form, unsupported: activity.unsupported, pendingDelete: pending?.action === 'delete' };
	});
};

export const actions: Actions = { save: saveActivityAction, remove: removeActivityAction };
