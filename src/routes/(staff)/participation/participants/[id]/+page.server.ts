import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { proposalSchema } from '$lib/domain/participation/schemas';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { participantTrail } from '$lib/server/participation/access-log';
import { openingsFor } from '$lib/server/participation/matching';
import { getParticipant } from '$lib/server/participation/participants';
import { placementsOf, propose } from '$lib/server/participation/placements';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	await requireCoordinator(event);
	const now = new Date();
	return locals.db(async (tx) => {
		const participant = await getParticipant(tx, params.id);
		if (!participant) error(404, m.participation_error_not_found());
		return {
			participant,
			placements: await placementsOf(tx, params.id),
			ranked: (await openingsFor(tx, params.id, now))!,
			trail: participant.assignedToMe ? await participantTrail(tx, params.id) : []
		};
	});
};

export const actions: Actions = {
	propose: async (event) => {
		const { request, locals, params } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(proposalSchema));
		if (!form.valid) return fail(400, { proposeError: m.participation_error_not_found() });
		const result = await locals.db((tx) => propose(tx, params.id, form.data.opening_id, new Date()));
		if (!result.ok)
			return fail(result.reason === 'already' ? 409 : 404, {
				proposeError: result.reason === 'already' ? m.participation_error_already() : m.participation_error_not_found()
			});
		redirect(303, localizeHref(`/participation/placements/${result.id}?proposed`));
	}
};
