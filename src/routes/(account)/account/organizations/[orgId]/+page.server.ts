import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { freshness } from '$lib/domain/places/freshness';
import { invitationSchema } from '$lib/domain/registration/schemas/index';
import type { Category } from '$lib/domain/shared/taxonomy';
import { formatWareki } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { uuidParam } from '$lib/server/platform/route-params';
import { issueInvitation, mailInvitation } from '$lib/server/registration/invitations';
import {
	displayNames,
	getOrganization,
	organizationInvitations,
	organizationListings,
	organizationMembers,
	revokeInvitation
} from '$lib/server/registration/organizations';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

const revokeSchema = z.object({ invitation_id: z.uuid() });

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const id = uuidParam(params.orgId);
	const now = new Date();
	return locals.db(async (tx) => {
		const org = await getOrganization(tx, id);
		if (!org) error(404);
		const listings = await organizationListings(tx, id);
		const invite = await superValidate(zod4(invitationSchema));
		invite.data.id = crypto.randomUUID();
		return {
			org,
			created: url.searchParams.has('created'),
			listings: listings.map((l) => ({
				...l,
				freshness: l.status === 'published' ? freshness(l.category as Category, l.verifiedAt, now).state : null,
				verified: l.verifiedAt ? formatWareki(l.verifiedAt) : null
			})),
			canList: org.roles.includes('volunteer') || org.roles.includes('admin'),
			members: org.canInvite ? await organizationMembers(tx, id) : [],
			invitations: org.canInvite
				? (await organizationInvitations(tx, id)).map((i) => ({
						...i,
						state: i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'open',
						expires: formatWareki(i.expiresAt)
					}))
				: [],
			invite
		};
	});
};

export const actions: Actions = {
	invite: async ({ request, locals, params, url }) => {
		const orgId = uuidParam(params.orgId);
		const form = await superValidate(request, zod4(invitationSchema));
		if (!form.valid) return fail(400, { form });
		const reg = await services();
		const result = await locals.db(async (tx) => {
			const org = await getOrganization(tx, orgId);
			if (!org?.canInvite) return null;
			const issued = await issueInvitation(tx, reg, {
				id: form.data.id,
				organizationId: orgId,
				organizationName: org.name,
				email: form.data.email || null,
				base: `${url.origin}${localizeHref('/invite')}`
			});
			const inviter = (await displayNames(tx, [locals.claims.sub])).get(locals.claims.sub!) ?? '';
			return { org, issued, inviter };
		});
		if (!result) error(403);
		if (!result.issued) {
			form.message = m.reg_invite_already();
			return fail(409, { form });
		}
		if (form.data.email)
			await mailInvitation(
				reg,
				{
					to: form.data.email,
					organization: result.org.name,
					inviter: result.inviter,
					link: result.issued.link,
					expiresAt: result.issued.expiresAt,
					municipalityId: result.org.municipality_id
				},
				getLocale()
			);
		const fresh = await superValidate(zod4(invitationSchema));
		fresh.data.id = crypto.randomUUID();
		return { form: fresh, link: result.issued.link, mailedTo: form.data.email || null, expires: formatWareki(result.issued.expiresAt) };
	},

	revoke: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(revokeSchema));
		if (!form.valid) return fail(400, { revoke: form });
		await locals.db((tx) => revokeInvitation(tx, form.data.invitation_id));
		return { revoked: true };
	}
};
