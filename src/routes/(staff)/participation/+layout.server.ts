import { requireCoordinator } from '$lib/server/participation/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => requireCoordinator(event);
