import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { refused } from '$lib/server/platform/route-params';
import { municipalOrganizations, setTrusted } from '$lib/server/registration/trust';
import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { Actions, PageServerLoad } from './$types';

const trustSchema = z.object({ organization_id: z.uuid(), trusted: z.boolean().default(false) });

export const load: PageServerLoad = async (event) => {
	await requireStaff(event, moderates);
	return { organizations: await event.locals.db(municipalOrganizations) };
};

export const actions: Actions = {
	trust: async (event) => {
		const { request, locals } = event;
		await requireStaff(event, moderates);
		const form = await superValidate(request, zod4(trustSchema));
		if (!form.valid) return fail(400, { problem: true });
		const done = await refused(() => locals.db((tx) => setTrusted(tx, form.data.organization_id, form.data.trusted)));
		if (!done.ok || !done.value) return fail(403, { problem: true });
		return { changed: form.data.organization_id };
	}
};
