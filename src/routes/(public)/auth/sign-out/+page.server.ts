import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (a link or prefetch must not sign anyone out).
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		const { auth } = await services();
		await auth.signOut(cookies, locals.claims);
		redirect(303, localizeHref('/auth/sign-in?signed_out'));
	}
};
