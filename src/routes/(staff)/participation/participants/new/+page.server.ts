import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { participantSchema } from '$lib/domain/participation/schemas';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { areaOptions, createParticipant } from '$lib/server/participation/participants';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { municipalityId } = await requireCoordinator(event);
	const form = await superValidate(zod4(participantSchema));
	form.data.max_minutes = '30';
	form.data.modes = ['walk'];
	return { form, areas: await locals.db((tx) => areaOptions(tx, municipalityId)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const { municipalityId } = await requireCoordinator(event);
		const form = await superValidate(request, zod4(participantSchema));
		if (!form.valid) return fail(400, { form });
		const result = await locals.db((tx) => createParticipant(tx, municipalityId, form.data));
		if (!result.ok) return setError(form, 'code', m.participation_error_code_taken());
		redirect(303, localizeHref(`/participation/participants/${result.id}?created`));
	}
};
