import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { newOrganizationSchema } from '$lib/domain/registration/schemas/index';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { refused } from '$lib/server/platform/route-params';
import { createOrganization, municipalities } from '$lib/server/registration/organizations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const towns = await locals.db(municipalities);
	const form = await superValidate(zod4(newOrganizationSchema));
	form.data.id = crypto.randomUUID();
	if (towns.length === 1) form.data.municipality_id = towns[0].id;
	return { form, towns };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(newOrganizationSchema));
		if (!form.valid) return fail(400, { form });
		const done = await refused(() => locals.db((tx) => createOrganization(tx, { ...form.data, kind: form.data.kind })));
		if (!done.ok) {
			form.message =
				done.state === 'TM429' ? m.reg_org_rate_limited() : done.state === '23505' ? m.reg_error_form_expired() : m.reg_org_not_allowed();
			return fail(done.state === 'TM429' ? 429 : 400, { form });
		}
		redirect(303, localizeHref(`/account/organizations/${form.data.id}?created`));
	}
};
