import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { organizationSchema } from '$lib/domain/registration/schemas/index';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import { getOrganization, updateOrganization } from '$lib/server/registration/organizations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = uuidParam(params.orgId);
	const org = await locals.db((tx) => getOrganization(tx, id));
	if (!org) error(404);
	if (!org.canEdit) error(403, m.reg_forbidden());
	const { id: _id, municipality_id, kind, name, name_kana, description, phone, email, website, version } = org;
	return {
		org,
		form: await superValidate(
			{ id: _id, municipality_id, kind, name, name_kana, description, phone, email, website, version },
			zod4(organizationSchema)
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const id = uuidParam(params.orgId);
		const form = await superValidate(request, zod4(organizationSchema));
		if (!form.valid || form.data.id !== id) return fail(400, { form });
		const saved = await refused(() => locals.db((tx) => updateOrganization(tx, form.data)));
		if (!saved.ok) {
			form.message = m.reg_org_kind_not_allowed();
			return fail(403, { form });
		}
		if (!saved.value.ok) {
			if (saved.value.reason === 'not_found') error(404);
			const current = await locals.db((tx) => getOrganization(tx, id));
			form.data.version = current?.version ?? form.data.version;
			form.message = m.reg_org_conflict();
			return fail(409, { form, theirs: current });
		}
		redirect(303, localizeHref(`/account/organizations/${id}`));
	}
};
