/** Address → points, for the location picker (signed-in people only; the geocoder port decides where to ask). */
import { error, json } from '@sveltejs/kit';
import { services } from '$lib/server/platform/services';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	if (locals.claims.role !== 'authenticated') error(401);
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const { geocoder } = await services();
	return json({ hits: await geocoder.search(q, 5) }, { headers: { 'cache-control': 'private, max-age=300' } });
};
