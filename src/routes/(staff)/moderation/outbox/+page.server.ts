import { error } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { outbox } from '$lib/server/registration/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { staff } = await parent();
	if (!staff.tenantAdmin) error(403, m.reg_forbidden());
	const locale = getLocale();
	const mails = await locals.db((tx) => outbox(tx));
	return { mails: mails.map((x) => ({ ...x, createdAt: formatDateTime(x.createdAt, locale) })) };
};
