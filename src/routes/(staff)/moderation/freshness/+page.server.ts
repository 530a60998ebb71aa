import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { phoneConfirmationSchema } from '$lib/domain/registration/schemas/index';
import { formatWareki } from '$lib/domain/shared/wareki';
import { formatDateTime } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { confirmListing, freshnessDashboard, mayRemind, sendReminder } from '$lib/server/registration/freshness';
import { refused } from '$lib/server/platform/route-params';
import { services } from '$lib/server/platform/services';
import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { Actions, PageServerLoad } from './$types';

const remindSchema = z.object({ place_id: z.uuid() });

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	await requireStaff(event, moderates);
	const now = new Date();
	const locale = getLocale();
	const d = await locals.db((tx) => freshnessDashboard(tx, now));
	const row = (r: (typeof d.due)[number]) => ({
		id: r.id,
		name: r.name,
		category: r.category,
		organizationName: r.organizationName,
		verified: r.verifiedAt ? formatWareki(r.verifiedAt) : null,
		due: r.dueAt ? formatWareki(r.dueAt) : null
	});
	return {
		due: d.due.map(row),
		overdue: d.overdue.map(row),
		recent: d.recent.map((c) => ({ ...c, confirmedAt: formatDateTime(c.confirmedAt, locale) }))
	};
};

export const actions: Actions = {
	remind: async (event) => {
		const { request, locals, url } = event;
		await requireStaff(event, moderates);
		const form = await superValidate(request, zod4(remindSchema));
		if (!form.valid) return fail(400, { problem: 'invalid' });
		// only a listing this moderator oversees (RLS: published and in their municipality)
		if (!(await locals.db((tx) => mayRemind(tx, form.data.place_id)))) return fail(403, { problem: 'forbidden' });
		const sent = await sendReminder({ ...(await services()), origin: url.origin, locale: getLocale() }, form.data.place_id);
		return { reminded: form.data.place_id, sent };
	},
	phone: async (event) => {
		const { request, locals } = event;
		await requireStaff(event, moderates);
		const form = await superValidate(request, zod4(phoneConfirmationSchema));
		if (!form.valid) return fail(400, { problem: 'invalid' });
		const done = await refused(() => locals.db((tx) => confirmListing(tx, form.data.place_id, 'staff_phone', form.data.note || null)));
		if (!done.ok) return fail(403, { problem: 'forbidden' });
		return { confirmed: form.data.place_id };
	}
};
