/**
 * The e-mail confirmation link. Opening it shows a button; pressing it confirms (mail scanners
 * open links, and the link is single-use). Embedded: ?token=<signed link>; Supabase:
 * ?token_hash=…&type=email, as its mail template sends.
 */
import { fail } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (url: URL) => url.searchParams.get('token') ?? url.searchParams.get('token_hash') ?? '';

export const load: PageServerLoad = ({ url }) => ({ hasToken: tokenOf(url).length > 0 });

export const actions: Actions = {
	default: async ({ url, cookies }) => {
		const token = tokenOf(url);
		if (!token) return fail(400, { result: 'invalid' as const });
		const { auth } = await services();
		const result = await auth.confirmEmail(cookies, token);
		if (result !== 'confirmed') return fail(400, { result });
		const next = url.searchParams.get('next');
		const target = next && next.startsWith('/') && !next.startsWith('//') ? `?next=${encodeURIComponent(next)}` : '';
		return { result, signIn: `${localizeHref('/auth/sign-in')}${target}` };
	}
};
