import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { EMPTY_PLACE } from '$lib/domain/registration/place-values';
import { newPlaceSchema } from '$lib/domain/registration/schemas/place';
import { todayJst } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { refreshOccurrences } from '$lib/server/places/occurrences';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import { createListing, municipalityCenter } from '$lib/server/registration/places';
import { submitListing } from '$lib/server/registration/moderation';
import { getOrganization } from '$lib/server/registration/organizations';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const orgId = uuidParam(params.orgId);
	return locals.db(async (tx) => {
		const org = await getOrganization(tx, orgId);
		if (!org) error(404);
		if (!org.roles.some((r) => r === 'volunteer' || r === 'admin') && !org.canEdit) error(403, m.reg_forbidden());
		const form = await superValidate(
			{
				...EMPTY_PLACE,
				id: crypto.randomUUID(),
				activity_id: crypto.randomUUID(),
				organization_id: orgId,
				dtstart: todayJst(new Date()),
				holiday_policy: 'skip'
			},
			zod4(newPlaceSchema),
			{ errors: false }
		);
		return { org, form, center: await municipalityCenter(tx, org.municipality_id) };
	});
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const orgId = uuidParam(params.orgId);
		const form = await superValidate(request, zod4(newPlaceSchema));
		if (!form.valid || form.data.organization_id !== orgId) return fail(400, { form });
		const { id, activity_id, intent } = form.data;
		const done = await refused(() =>
			locals.db(async (tx) => {
				const created = await createListing(tx, {
					id,
					organizationId: orgId,
					fields: form.data,
					activity: { ...form.data, id: activity_id, title: form.data.activity_title, description: form.data.activity_description }
				});
				if (created && intent === 'submit') await submitListing(tx, id, null);
				return created;
			})
		);
		if (!done.ok) {
			if (done.state === '23514') return setError(form, 'lon', m.reg_place_outside_japan());
			if (done.state === '23505') redirect(303, localizeHref(`/account/places/${id}`));
			form.message = m.reg_listing_not_allowed();
			return fail(403, { form });
		}
		const { driver } = await services();
		await refreshOccurrences(driver, new Date(), [activity_id]);
		// a repeated submit (done.value false) lands on the listing the first one made
		redirect(303, localizeHref(`/account/places/${id}?${intent === 'submit' && done.value ? 'submitted' : 'saved'}`));
	},

	/** The address search without JavaScript: fills in the point, keeps everything typed. */
	geocode: async ({ request }) => {
		const form = await superValidate(request, zod4(newPlaceSchema), { errors: false });
		const { geocoder } = await services();
		const hits = await geocoder.search(form.data.address, 5);
		if (hits.length) {
			form.data.lon = hits[0].lon.toFixed(6);
			form.data.lat = hits[0].lat.toFixed(6);
		}
		return { form, geocoded: { query: form.data.address, hits } };
	}
};
