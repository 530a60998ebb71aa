import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	await requireStaff(event, moderates);
	return {};
};
