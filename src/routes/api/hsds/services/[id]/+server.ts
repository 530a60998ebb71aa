import { EMPTY_FILTER } from '$lib/domain/places/search';
import { isUuid, toHsdsService } from '$lib/server/places/hsds';
import { badParameters, cached } from '$lib/server/platform/http';
import { exportPlaces } from '$lib/server/places/opendata';
import type { RequestHandler } from './$types';

const JSON_TYPE = 'application/json; charset=utf-8';

/** GET /api/hsds/services/{id} — one published place as an HSDS 3.0 service, with its nested objects. */
export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	if (!isUuid(params.id)) return badParameters([{ param: 'id', code: 'bad_format', value: params.id }], { id: 'a uuid' });
	const [place] = await locals.db((tx) => exportPlaces(tx, { ...EMPTY_FILTER, placeId: params.id }, new Date(), 1));
	if (!place)
		return new Response(JSON.stringify({ error: 'not_found', id: params.id }), {
			status: 404,
			headers: { 'content-type': JSON_TYPE, 'access-control-allow-origin': '*' }
		});
	return cached(request, JSON.stringify(toHsdsService(place, url)), { 'content-type': JSON_TYPE });
};
