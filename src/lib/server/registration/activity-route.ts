/** The shared action of the activity pages (new and edit). */
import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { activitySchema } from '$lib/domain/registration/schemas/place';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { refreshOccurrences } from '../places/occurrences';
import { removeActivity, saveActivity } from './activity-actions';
import { refused, uuidParam } from '../platform/route-params';
import { services } from '../platform/services';

type Event = { request: Request; locals: App.Locals; params: { placeId: string; activityId?: string } };

export async function saveActivityAction({ request, locals, params }: Event) {
	const placeId = uuidParam(params.placeId);
	const existing = params.activityId !== undefined;
	const form = await superValidate(request, zod4(activitySchema));
	if (!form.valid || (existing && form.data.id !== uuidParam(params.activityId!))) return fail(400, { form });
	const locale = getLocale();
	const result = await refused(() => locals.db((tx) => saveActivity(tx, placeId, existing, form.data, locale)));
	if (!result.ok) {
		form.message = m.reg_forbidden();
		return fail(403, { form });
	}
	const r = result.value;
	if (r.kind === 'not_found') error(404);
	if (r.kind === 'conflict') {
		form.data.version = r.version;
		form.data.request_id = r.requestId;
		return fail(409, {
			form,
			conflict: { rows: r.rows, savedAt: r.savedAt ? formatDateTime(r.savedAt, locale) : null, savedBy: r.savedBy }
		});
	}
	if (r.refresh.length) await refreshOccurrences((await services()).driver, new Date(), r.refresh);
	redirect(303, localizeHref(`/account/places/${placeId}?${r.kind}`));
}

export async function removeActivityAction({ request, locals, params }: Event) {
	const placeId = uuidParam(params.placeId);
	const id = uuidParam(params.activityId ?? '');
	const form = await superValidate(request, zod4(activitySchema), { errors: false });
	const result = await refused(() => locals.db((tx) => removeActivity(tx, placeId, id, form.data.version)));
	if (!result.ok) error(403, m.reg_forbidden());
	if (result.value.kind === 'not_found') error(404);
	redirect(303, localizeHref(`/account/places/${placeId}?${result.value.kind === 'removed' ? 'saved' : 'requested'}`));
}
