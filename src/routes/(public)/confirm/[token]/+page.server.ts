/**
 * The one-tap 「変わりありません」 link from a freshness reminder: no login. Opening it shows
 * the listing and one button; only pressing the button confirms (mail scanners open links).
 * Signed, single-use, expiring; handled through the system path (there is no user).
 */
import { formatWareki } from '$lib/domain/shared/wareki';
import { confirmByLink, viewFreshnessLink } from '$lib/server/registration/freshness';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const { driver, linkKey } = await services();
	const view = await viewFreshnessLink(driver, linkKey, params.token);
	return {
		state: view.state,
		place: view.place && {
			id: view.place.id,
			name: view.place.name,
			organizationName: view.place.organizationName,
			verified: view.place.verifiedAt ? formatWareki(view.place.verifiedAt) : null
		}
	};
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { driver, linkKey } = await services();
		return { result: await confirmByLink(driver, linkKey, params.token) };
	}
};
