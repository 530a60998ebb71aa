import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { slotsFromWindows } from '$lib/domain/participation/availability';
import { participantSchema } from '$lib/domain/participation/schemas';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { areaOptions, getParticipant, updateParticipant } from '$lib/server/participation/participants';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	await requireCoordinator(event);
	const p = await locals.db((tx) => getParticipant(tx, params.id));
	if (!p) error(404, m.participation_error_not_found());
	const form = await superValidate(
		{
			code: p.code,
			real_name: p.realName ?? '',
			real_name_kana: p.realNameKana ?? '',
			area_id: p.areaId ?? '',
			age_band: p.ageBand,
			target_groups: p.targetGroups,
			interests: p.interests,
			strengths: p.strengths ?? '',
			goals: p.goals,
			availability: slotsFromWindows(p.availability),
			modes: p.modes,
			max_minutes: String(p.maxMinutes),
			required_accommodations: p.requiredAccommodations,
			preferences: p.preferences,
			needs_companion_first_visit: p.needsCompanionFirstVisit,
			notes: p.notes ?? '',
			share_summary_with_host: p.shareSummaryWithHost,
			version: p.version
		},
		zod4(participantSchema),
		{ errors: false }
	);
	return { form, code: p.code, showName: p.assignedToMe, areas: await locals.db((tx) => areaOptions(tx, p.municipalityId)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, params } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(participantSchema));
		if (!form.valid) return fail(400, { form });
		const result = await locals.db((tx) => updateParticipant(tx, params.id, form.data));
		if (!result.ok) {
			if (result.reason === 'duplicate_code') return setError(form, 'code', m.participation_error_code_taken());
			if (result.reason === 'not_found') error(404, m.participation_error_not_found());
			return message(form, m.participation_error_conflict(), { status: 409 });
		}
		redirect(303, localizeHref(`/participation/participants/${params.id}?saved`));
	}
};
