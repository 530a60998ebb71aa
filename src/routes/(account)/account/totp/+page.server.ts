import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { totpSchema } from '$lib/domain/shared/auth-schemas';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies }) => {
	const { auth } = await services();
	if ((await auth.totpStatus(locals.claims)) === 'verified') redirect(303, localizeHref('/account'));
	const enrolment = await auth.startTotpEnrolment(cookies, locals.claims);
	return {
		secret: enrolment.secret,
		qrSvg: await QRCode.toString(enrolment.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
		form: await superValidate(zod4(totpSchema))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await superValidate(request, zod4(totpSchema));
		if (!form.valid) return fail(400, { form });
		const { auth } = await services();
		const result = await auth.verifyTotp(cookies, locals.claims, form.data.code);
		if (result === 'rate_limited') return setError(form, 'code', m.totp_rate_limited(), { status: 429 });
		if (result === 'invalid') return setError(form, 'code', m.totp_invalid());
		// back to the page that asked for a second factor (same-site paths only)
		const next = url.searchParams.get('next');
		redirect(
			303,
			next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : `${localizeHref('/account')}?totp_enrolled`
		);
	}
};
