/**
 * 「情報提供」: residents tell the 社協 about a place that is missing or wrong, without an account.
 * Bots: a honeypot field and a signed opening time (too fast = a bot) are thanked and dropped;
 * people are limited to a few per hour inside the database (submit_suggestion).
 */
import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { suggestionSchema } from '$lib/domain/registration/schemas/index';
import { m } from '$lib/paraglide/messages';
import { isUuid } from '$lib/server/platform/route-params';
import { services } from '$lib/server/platform/services';
import { submitSuggestion, suggestionMunicipalities, suggestionTarget } from '$lib/server/registration/suggestions';
import { clientKey, formAge, stampForm } from '$lib/server/platform/links/tokens';
import type { Actions, PageServerLoad } from './$types';
import { HOUR_MS } from '$lib/domain/shared/schedule/jst';

const MIN_MS = 3_000;
const MAX_MS = 24 * HOUR_MS;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { linkKey } = await services();
	const placeParam = url.searchParams.get('place') ?? '';
	return locals.db(async (tx) => {
		const place = isUuid(placeParam) ? await suggestionTarget(tx, placeParam) : null;
		const towns = await suggestionMunicipalities(tx);
		const form = await superValidate(zod4(suggestionSchema));
		form.data.id = crypto.randomUUID();
		form.data.started = stampForm(linkKey);
		if (place) {
			form.data.place_id = place.id;
			form.data.municipality_id = place.municipalityId;
			form.data.kind = 'wrong';
		} else if (towns.length === 1) form.data.municipality_id = towns[0].id;
		return { form, place, towns };
	});
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = await superValidate(request, zod4(suggestionSchema));
		if (!form.valid) return fail(400, { form });
		const { linkKey } = await services();
		const age = formAge(linkKey, form.data.started);
		if (age === null || age > MAX_MS) {
			form.message = m.reg_error_form_expired();
			return fail(400, { form });
		}
		// a bot: thank it and keep nothing
		if (form.data.homepage || age < MIN_MS) return { form, sent: true };
		let municipalityId = form.data.municipality_id;
		if (form.data.place_id) {
			const place = await locals.db((tx) => suggestionTarget(tx, form.data.place_id));
			if (!place) return fail(400, { form });
			municipalityId = place.municipalityId;
		}
		if (!municipalityId) return fail(400, { form });
		const result = await locals.db((tx) =>
			submitSuggestion(tx, { ...form.data, municipality_id: municipalityId }, clientKey(linkKey, getClientAddress()))
		);
		if (result === 'rate_limited') {
			form.message = m.reg_suggest_rate_limited();
			return fail(429, { form });
		}
		return { form, sent: true };
	}
};
