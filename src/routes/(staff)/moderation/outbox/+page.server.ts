import { formatDateTime } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { outbox } from '$lib/server/registration/outbox';
import { requireStaff } from '$lib/server/platform/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	await requireStaff(event, (r) => r.tenantAdmin);
	const locale = getLocale();
	const mails = await locals.db((tx) => outbox(tx));
	return { mails: mails.map((x) => ({ ...x, createdAt: formatDateTime(x.createdAt, locale) })) };
};
