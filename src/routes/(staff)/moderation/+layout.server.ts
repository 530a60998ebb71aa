import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { LayoutServerLoad } from './$types';

/** Moderation: the municipality's moderators (社協) and its tenant administrators (主管課). */
export const load: LayoutServerLoad = async ({ parent }) => {
	const { staff } = await parent();
	if (!staff.moderator && !staff.tenantAdmin) error(403, m.reg_forbidden());
	return {};
};
