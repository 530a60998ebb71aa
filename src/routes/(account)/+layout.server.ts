import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

/** Everything under (account) needs a signed-in user; the session is checked in hooks. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (locals.claims.role !== 'authenticated')
		redirect(303, `${localizeHref('/auth/sign-in')}?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {};
};
