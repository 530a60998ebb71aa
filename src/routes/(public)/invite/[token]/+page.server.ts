/** An invitation link: the signed token names the organisation; joining needs a (confirmed) account. */
import { fail } from '@sveltejs/kit';
import { formatWareki } from '$lib/domain/shared/wareki';
import { acceptInvitation, newestMembership } from '$lib/server/registration/organizations';
import { services } from '$lib/server/platform/services';
import { verifyLink } from '$lib/server/platform/links/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const { linkKey } = await services();
	const link = await verifyLink(linkKey, 'invitation', params.token);
	return {
		link: link.ok ? { organization: link.label ?? '', expires: formatWareki(link.expiresAt) } : null,
		problem: link.ok ? null : link.reason,
		signedIn: locals.claims.role === 'authenticated',
		here: url.pathname
	};
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		if (locals.claims.role !== 'authenticated') return fail(401, { result: 'sign_in' as const });
		const { linkKey } = await services();
		const link = await verifyLink(linkKey, 'invitation', params.token);
		if (!link.ok || !link.nonce) return fail(400, { result: link.ok ? ('invalid' as const) : link.reason });
		const result = await locals.db((tx) => acceptInvitation(tx, link.subject, link.nonce!));
		return result === 'joined' || result === 'already'
			? { result, organizationId: await locals.db(newestMembership) }
			: fail(400, { result });
	}
};
