import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { batchAcceptSchema } from '$lib/domain/participation/schemas';
import { m } from '$lib/paraglide/messages';
import { batchFor } from '$lib/server/participation/matching';
import { propose } from '$lib/server/participation/placements';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { Actions, PageServerLoad } from './$types';

/** The meeting's proposals, computed fresh on each visit; nothing is written until accepted. */
export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { municipalityId } = await requireCoordinator(event);
	return { batch: await locals.db((tx) => batchFor(tx, municipalityId, new Date())) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		await requireCoordinator(event);
		const form = await superValidate(request, zod4(batchAcceptSchema));
		if (!form.valid) return fail(400, { error: form.errors.pairs?._errors?.[0] ?? m.participation_error_batch_empty() });
		const now = new Date();
		// one transaction: the accepted proposals are made together or not at all
		const made = await locals.db(async (tx) => {
			let n = 0;
			for (const pair of form.data.pairs) {
				const [participantId, openingId] = pair.split(':');
				if ((await propose(tx, participantId, openingId, now)).ok) n++;
			}
			return n;
		});
		return { accepted: made };
	}
};
