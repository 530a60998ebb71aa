import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { signInSchema } from '$lib/domain/shared/auth-schemas';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: a crafted ?next= must not send people elsewhere. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : localizeHref('/account');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.claims.role === 'authenticated') redirect(303, safeNext(url.searchParams.get('next')));
	return {
		form: await superValidate(zod4(signInSchema)),
		ended: url.searchParams.has('ended'),
		signedOut: url.searchParams.has('signed_out')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await superValidate(request, zod4(signInSchema));
		if (!form.valid) return fail(400, { form });
		const { auth } = await services();
		const result = await auth.signIn(cookies, form.data.email, form.data.password, getClientAddress());
		form.data.password = '';
		if (!result.ok) {
			const text = { invalid: m.sign_in_invalid, rate_limited: m.sign_in_rate_limited, unconfirmed: m.sign_in_unconfirmed }[
				result.reason
			]();
			return message(form, text, { status: result.reason === 'rate_limited' ? 429 : 400 });
		}
		const next = safeNext(url.searchParams.get('next'));
		if (result.needsTotp) redirect(303, `${localizeHref('/auth/totp')}?next=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
