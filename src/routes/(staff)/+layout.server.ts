import { requireStaff } from '$lib/server/platform/staff';
import type { LayoutServerLoad } from './$types';

/**
 * The staff area: signed in, and a municipal role (moderator, coordinator, agency staff or
 * tenant admin). Each section narrows this with its own guard; RLS still decides every row.
 */
export const load: LayoutServerLoad = async (event) => ({ staff: await requireStaff(event) });
