import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { signUpSchema } from '$lib/domain/registration/schemas/index';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { accountExistsMail, confirmationMail } from '$lib/server/registration/mails';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	form: await superValidate(zod4(signUpSchema)),
	signedIn: locals.claims.role === 'authenticated',
	next: url.searchParams.get('next') ?? ''
});

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await superValidate(request, zod4(signUpSchema));
		if (!form.valid) {
			form.data.password = '';
			form.data.password_confirm = '';
			return fail(400, { form });
		}
		const { auth, mailer } = await services();
		const locale = getLocale();
		const next = url.searchParams.get('next');
		const confirmPath = `${url.origin}${localizeHref('/auth/confirm')}`;
		const result = await auth.signUp(cookies, {
			email: form.data.email,
			password: form.data.password,
			displayName: form.data.display_name,
			ip: getClientAddress(),
			redirectTo: confirmPath
		});
		form.data.password = '';
		form.data.password_confirm = '';
		if (!result.ok) {
			form.message = m.reg_sign_up_rate_limited();
			return fail(429, { form });
		}
		if (result.mail === 'confirmation') {
			const nextPart = next && next.startsWith('/') && !next.startsWith('//') ? `&next=${encodeURIComponent(next)}` : '';
			await mailer.send(confirmationMail(form.data.email, `${confirmPath}?token=${result.token}${nextPart}`, locale));
		} else if (result.mail === 'exists') {
			await mailer.send(accountExistsMail(form.data.email, `${url.origin}${localizeHref('/auth/sign-in')}`, locale));
		}
		// the same answer whether or not the address was known
		return { form, sent: form.data.email };
	}
};
