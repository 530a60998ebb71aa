import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { EMPTY_SCHEDULE, type ActivityFields } from '$lib/domain/registration/place-values';
import { activitySchema } from '$lib/domain/registration/schemas/place';
import { todayJst } from '$lib/domain/shared/wareki';
import { saveActivityAction } from '$lib/server/registration/activity-route';
import { uuidParam } from '$lib/server/platform/route-params';
import { canEditDirectly } from '$lib/server/registration/places';
import { pendingRequest } from '$lib/server/registration/moderation';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const placeId = uuidParam(params.placeId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, placeId);
		const direct = await canEditDirectly(tx, placeId);
		const pending = direct ? null : await pendingRequest(tx, placeId, 'activity', null);
		const proposed = pending?.proposed as (ActivityFields & { id: string }) | null;
		const start = proposed ?? {
			...EMPTY_SCHEDULE,
			title: '',
			description: '',
			dtstart: todayJst(new Date()),
			holiday_policy: 'skip',
			id: crypto.randomUUID()
		};
		const form = await superValidate({ ...start, version: pending?.version ?? 0, request_id: pending?.id ?? '' }, zod4(activitySchema), {
			errors: false
		});
		return { listing: listing.meta, direct, form };
	});
};

export const actions: Actions = { save: saveActivityAction };
