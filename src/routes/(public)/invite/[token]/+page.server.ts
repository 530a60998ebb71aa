/** An invitation link: the signed token names the organisation; joining needs a (confirmed) account. */
import { fail } from '@sveltejs/kit';
import { formatWareki } from '$lib/domain/shared/wareki';
import { acceptInvitation } from '$lib/server/registration/organizations';
import { registration } from '$lib/server/registration/services';
import { verifyLink } from '$lib/server/platform/links/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const { linkKey } = await registration();
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
		const { linkKey } = await registration();
		const link = await verifyLink(linkKey, 'invitation', params.token);
		if (!link.ok || !link.nonce) return fail(400, { result: link.ok ? ('invalid' as const) : link.reason });
		const result = await locals.db((tx) => acceptInvitation(tx, link.subject, link.nonce!));
		return result === 'joined' || result === 'already' ? { result, organizationId: await orgOf(locals, link.subject) } : fail(400, { result });
	}
};

/** The organisation the caller just joined (visible to them now as a member). */
async function orgOf(locals: App.Locals, invitationId: string): Promise<string | null> {
	void invitationId;
	const [row] = await locals.db((tx) =>
		tx.query<{ id: string }>(`select organization_id as id from public.memberships where user_id = auth.uid() order by created_at desc limit 1`)
	);
	return row?.id ?? null;
}
