import { HSDS_API_DETAILS } from '$lib/server/places/hsds';
import { cached } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** GET /api/hsds/ — the HSDS API root: which HSDS version and profile this API follows. */
export const GET: RequestHandler = async ({ request }) =>
	cached(request, JSON.stringify(HSDS_API_DETAILS), { 'content-type': 'application/json; charset=utf-8' });
