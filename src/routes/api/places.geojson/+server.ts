import { parseSearch } from '$lib/domain/places/search';
import { badParameters, cached } from '$lib/server/platform/http';
import { placeFeatures } from '$lib/server/places/search';
import type { RequestHandler } from './$types';

const DEFAULT_LIMIT = 10_000;
const MAX_LIMIT = 50_000;

/** GET /api/places.geojson?bbox=w,s,e,n&… — the same filters as the page. */
export const GET: RequestHandler = async ({ url, request, locals }) => {
	const { filter, errors } = parseSearch(url.searchParams);
	const rawLimit = url.searchParams.get('limit');
	const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
	if (rawLimit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT))
		errors.push({ param: 'limit', code: Number.isInteger(limit) ? 'out_of_range' : 'not_a_number', value: rawLimit });
	if (errors.length) return badParameters(errors);
	const body = await locals.db((tx) => placeFeatures(tx, filter, new Date(), limit));
	return cached(request, body, { 'content-type': 'application/geo+json; charset=utf-8' });
};
