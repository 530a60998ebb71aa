import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { line } from '$lib/domain/shared/fields';
import { formatDateTime } from '$lib/i18n/format';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { uuidParam } from '$lib/server/platform/route-params';
import { getSuggestion, handleSuggestion } from '$lib/server/registration/suggestions';
import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { Actions, PageServerLoad } from './$types';

const handleSchema = z.object({ status: z.enum(['done', 'dismissed', 'new']), staff_note: line(1000) });

export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	await requireStaff(event, moderates);
	const id = uuidParam(params.suggestionId);
	const s = await locals.db((tx) => getSuggestion(tx, id));
	if (!s) error(404);
	const form = await superValidate({ status: s.status, staff_note: s.staffNote ?? '' }, zod4(handleSchema), { errors: false });
	return { suggestion: { ...s, createdAt: formatDateTime(s.createdAt, getLocale()) }, form };
};

export const actions: Actions = {
	default: async (event) => {
		const { params, request, locals } = event;
		await requireStaff(event, moderates);
		const id = uuidParam(params.suggestionId);
		const form = await superValidate(request, zod4(handleSchema));
		if (!form.valid) return fail(400, { form });
		await locals.db((tx) => handleSuggestion(tx, id, form.data.status, form.data.staff_note || null));
		redirect(303, localizeHref('/moderation'));
	}
};
