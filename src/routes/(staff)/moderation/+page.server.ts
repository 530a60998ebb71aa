import { formatDateTime } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { moderationQueue, pendingPhotos } from '$lib/server/registration/moderation';
import { openSuggestions } from '$lib/server/registration/suggestions';
import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	await requireStaff(event, moderates);
	const locale = getLocale();
	return locals.db(async (tx) => {
		const [queue, photos, suggestions] = await Promise.all([moderationQueue(tx), pendingPhotos(tx), openSuggestions(tx)]);
		return {
			queue: queue.map((q) => ({ ...q, createdAt: formatDateTime(q.createdAt, locale) })),
			photos: photos.map((p) => ({ ...p, createdAt: formatDateTime(p.createdAt, locale) })),
			suggestions: suggestions.map((s) => ({ ...s, createdAt: formatDateTime(s.createdAt, locale) })),
			decided: url.searchParams.get('decided')
		};
	});
};
