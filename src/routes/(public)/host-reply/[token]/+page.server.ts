/**
 * A host answers a request without an account, through the signed single-use link. Opening the
 * link shows the request; only the form's button answers (mail scanners open links too).
 */
import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { hostReplySchema } from '$lib/domain/participation/schemas';
import { answerHostRequest, viewHostRequest } from '$lib/server/participation/host-link';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const { driver, linkKey } = await services();
	const view = await viewHostRequest(driver, linkKey, params.token);
	return { ...view, form: await superValidate({ answer: 'ok' as const }, zod4(hostReplySchema), { errors: false }) };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await superValidate(request, zod4(hostReplySchema));
		if (!form.valid) return fail(400, { form });
		const d = form.data;
		const { driver, linkKey } = await services();
		const result = await answerHostRequest(driver, linkKey, params.token, {
			answer: d.answer,
			trialVisitDates: [d.trial_visit_date_1, d.trial_visit_date_2, d.trial_visit_date_3].filter((x) => x !== ''),
			reason: d.reason || null,
			message: d.message || null
		});
		return { form, result };
	}
};
