import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { dayText } from '$lib/i18n/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { askSchema, followUpSchema, hostReplySchema, stepSchema } from '$lib/domain/participation/schemas';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { askHost, summaryToShare } from '$lib/server/participation/host-link';
import {
	followUpsOf,
	getPlacement,
	recordFollowUp,
	recordHostAnswer,
	recordStep,
	type StepResult
} from '$lib/server/participation/placements';
import { services } from '$lib/server/platform/services';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

const REFUSED = {
	not_found: m.participation_error_not_found,
	conflict: m.participation_error_conflict,
	not_allowed: m.participation_error_not_allowed
};
const refusal = (r: Exclude<StepResult, { ok: true }>) =>
	r.reason === 'too_early' ? m.participation_error_not_allowed() : REFUSED[r.reason]();

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	await requireCoordinator(event);
	return locals.db(async (tx) => {
		const placement = await getPlacement(tx, params.id);
		if (!placement) error(404, m.participation_error_not_found());
		const v = { version: placement.version };
		return {
			placement,
			today: todayJst(new Date()),
			summary: await summaryToShare(tx, placement),
			followUps: await followUpsOf(tx, params.id),
			askForm: await superValidate({ channel: 'link', ...v }, zod4(askSchema), { errors: false, id: 'ask' }),
			answerForm: await superValidate({ answer: 'ok', ...v }, zod4(hostReplySchema), { errors: false, id: 'answer' }),
			stepForm: await superValidate({ on: todayJst(new Date()), ...v }, zod4(stepSchema), { errors: false, id: 'step' })
		};
	});
};

export const actions: Actions = {
	ask: async (event) => {
		const { request, locals, params, url } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(askSchema), { id: 'ask' });
		if (!form.valid) return fail(400, { askForm: form });
		const asked = await askHost(locals.db, await services(), { placementId: params.id, ...form.data, origin: url.origin, now: new Date() });
		if (!asked.ok) return message(form, refusal(asked), { status: 409 });
		return { askForm: form, asked };
	},

	answer: async (event) => {
		const { request, locals, params } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(hostReplySchema), { id: 'answer' });
		if (!form.valid) return fail(400, { answerForm: form });
		const d = form.data;
		const trialVisitDates = [d.trial_visit_date_1, d.trial_visit_date_2, d.trial_visit_date_3].filter((x) => x !== '');
		const result = await locals.db((tx) =>
			recordHostAnswer(
				tx,
				params.id,
				d.version,
				{ answer: d.answer, trialVisitDates, reason: d.reason || null, message: d.message || null },
				new Date()
			)
		);
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { answerForm: form, saved: true };
	},

	step: async (event) => {
		const { request, locals, params } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(stepSchema), { id: 'step' });
		if (!form.valid) return fail(400, { stepForm: form });
		const d = form.data;
		const result = await locals.db((tx) => recordStep(tx, params.id, d.version, d.step, d.on, d.reason || null, d.note || null));
		if (!result.ok && result.reason === 'too_early')
			return setError(form, 'on', m.participation_error_date_order({ date: dayText(result.after, getLocale()) }));
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { stepForm: form, saved: true };
	},

	followUp: async (event) => {
		const { request, locals } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(followUpSchema));
		if (!form.valid) return fail(400, { followUpForm: form });
		const d = form.data;
		const result = await locals.db((tx) =>
			recordFollowUp(tx, {
				id: d.follow_up_id,
				version: d.version,
				doneOn: d.done_on,
				selfReport: d.self_report || null,
				hostNote: d.host_note || null,
				note: d.note || null
			})
		);
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { followUpForm: form, saved: true };
	}
};
