import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { dayText, ptLabel } from '$lib/i18n/participation';
import { todayJst } from '$lib/domain/shared/schedule/jst';
import { askSchema, followUpSchema, hostReplySchema, stepSchema } from '$lib/domain/participation/schemas';
import { label } from '$lib/i18n/index';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { hostReplyUrl, hostRequestMail, signHostLink } from '$lib/server/participation/host-link';
import { getParticipant } from '$lib/server/participation/participants';
import {
	followUpsOf,
	getPlacement,
	hostSummaryOf,
	issueReplyLink,
	markAsked,
	recordFollowUp,
	recordHostAnswer,
	recordStep,
	type StepResult
} from '$lib/server/participation/placements';
import { registration } from '$lib/server/registration/services';
import { requireCasework } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

const REFUSED = { not_found: m.pt_error_not_found, conflict: m.pt_error_conflict, not_allowed: m.pt_error_not_allowed };
const refusal = (r: Exclude<StepResult, { ok: true }>) => (r.reason === 'too_early' ? m.pt_error_not_allowed() : REFUSED[r.reason]());

async function summaryFor(tx: Parameters<typeof getParticipant>[0], participantId: string) {
	const p = await getParticipant(tx, participantId);
	if (!p) return null;
	return hostSummaryOf(
		{ shareSummaryWithHost: p.shareSummaryWithHost, ageBand: p.ageBand, required: p.requiredAccommodations, companion: p.needsCompanionFirstVisit },
		{ ageBand: (c) => ptLabel('age_band', c), accommodation: (c) => label('accommodation', c), companion: m.pt_field_companion() }
	);
}

export const load: PageServerLoad = async ({ locals, params }) => {
	return locals.db(async (tx) => {
		const placement = await getPlacement(tx, params.id);
		if (!placement) error(404, m.pt_error_not_found());
		const v = { version: placement.version };
		return {
			placement,
			today: todayJst(new Date()),
			summary: placement.status === 'proposed' || placement.status === 'expired' ? await summaryFor(tx, placement.participantId) : placement.hostSummary,
			followUps: await followUpsOf(tx, params.id),
			askForm: await superValidate({ channel: 'link', ...v }, zod4(askSchema), { errors: false, id: 'ask' }),
			answerForm: await superValidate({ answer: 'ok', ...v }, zod4(hostReplySchema), { errors: false, id: 'answer' }),
			stepForm: await superValidate({ on: todayJst(new Date()), ...v }, zod4(stepSchema), { errors: false, id: 'step' })
		};
	});
};

export const actions: Actions = {
	ask: async ({ request, locals, params, url }) => {
		requireCasework(locals);
		const form = await superValidate(request, zod4(askSchema), { id: 'ask' });
		if (!form.valid) return fail(400, { askForm: form });
		const now = new Date();
		const asked = await locals.db(async (tx) => {
			const placement = await getPlacement(tx, params.id);
			if (!placement) return { ok: false as const, reason: 'not_found' as const };
			const summary = await summaryFor(tx, placement.participantId);
			const result = await markAsked(tx, params.id, form.data.version, form.data.channel, summary, now);
			if (!result.ok || form.data.channel === 'phone') return { ...result, placement };
			return { ...result, placement, link: await issueReplyLink(tx, params.id, now) };
		});
		if (!asked.ok) return message(form, refusal(asked), { status: 409 });
		if (!('link' in asked) || !asked.link) return { askForm: form, asked: { channel: 'phone' as const } };
		const { linkKey, mailer } = await registration();
		const token = await signHostLink(linkKey, params.id, asked.link.jti, asked.link.expiresAt);
		const link = hostReplyUrl(url.origin, token);
		const to = asked.placement.organizationEmail;
		if (to)
			await mailer.send(
				hostRequestMail(to, { opening: asked.placement.openingTitle, link, expires: asked.link.expiresAt, municipalityId: asked.placement.municipalityId, reminder: false })
			);
		return { askForm: form, asked: { channel: 'link' as const, link, expiresAt: asked.link.expiresAt, mailedTo: to } };
	},

	answer: async ({ request, locals, params }) => {
		requireCasework(locals);
		const form = await superValidate(request, zod4(hostReplySchema), { id: 'answer' });
		if (!form.valid) return fail(400, { answerForm: form });
		const d = form.data;
		const trialVisitDates = [d.trial_visit_date_1, d.trial_visit_date_2, d.trial_visit_date_3].filter((x) => x !== '');
		const result = await locals.db((tx) =>
			recordHostAnswer(tx, params.id, d.version, { answer: d.answer, trialVisitDates, reason: d.reason || null, message: d.message || null }, new Date())
		);
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { answerForm: form, saved: true };
	},

	step: async ({ request, locals, params }) => {
		requireCasework(locals);
		const form = await superValidate(request, zod4(stepSchema), { id: 'step' });
		if (!form.valid) return fail(400, { stepForm: form });
		const d = form.data;
		const result = await locals.db((tx) => recordStep(tx, params.id, d.version, d.step, d.on, d.reason || null, d.note || null));
		if (!result.ok && result.reason === 'too_early') return setError(form, 'on', m.pt_error_date_order({ date: dayText(result.after, getLocale()) }));
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { stepForm: form, saved: true };
	},

	followUp: async ({ request, locals }) => {
		requireCasework(locals);
		const form = await superValidate(request, zod4(followUpSchema));
		if (!form.valid) return fail(400, { followUpForm: form });
		const d = form.data;
		const result = await locals.db((tx) =>
			recordFollowUp(tx, { id: d.follow_up_id, version: d.version, doneOn: d.done_on, selfReport: d.self_report || null, hostNote: d.host_note || null, note: d.note || null })
		);
		if (!result.ok) return message(form, refusal(result), { status: 409 });
		return { followUpForm: form, saved: true };
	}
};
