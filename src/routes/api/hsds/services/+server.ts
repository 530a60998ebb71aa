import { parseSearch, type ParamError } from '$lib/domain/places/search';
import { toHsdsService, hsdsToSearchParams, hsdsFilterParams } from '$lib/server/places/hsds';
import { badParameters, cached } from '$lib/server/platform/http';
import { exportPlaces } from '$lib/server/places/opendata';
import { countAll } from '$lib/server/places/search';
import type { RequestHandler } from './$types';

const MAX_PER_PAGE = 100;

function positiveInt(raw: string | null, fallback: number, max: number, param: string, errors: ParamError[]): number {
	if (raw === null) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n)) errors.push({ param, code: 'not_a_number', value: raw });
	else if (n < 1 || n > max) errors.push({ param, code: 'out_of_range', value: raw });
	return n;
}

/** GET /api/hsds/services — HSDS 3.0 services, paged as HSDS API pages. */
export const GET: RequestHandler = async ({ url, request, locals }) => {
	const { filter: searchFilter, errors } = parseSearch(hsdsToSearchParams(url.searchParams));
	const filter = { ...searchFilter, ...hsdsFilterParams(url.searchParams, errors) };
	const perPage = positiveInt(url.searchParams.get('per_page'), 50, MAX_PER_PAGE, 'per_page', errors);
	const page = positiveInt(url.searchParams.get('page'), 1, 10_000, 'page', errors);
	if (errors.length)
		return badParameters(errors, {
			taxonomy_term_id: 'category:<code>, target_group:<code>, accommodation:<code>',
			per_page: `1–${MAX_PER_PAGE}`,
			organization_id: 'a uuid',
			modified_after: 'an ISO 8601 date or date-time, e.g. 2026-04-01T09:00:00+09:00'
		});
	const now = new Date();
	const { places, total } = await locals.db(async (tx) => ({
		places: await exportPlaces(tx, filter, now, perPage, (page - 1) * perPage),
		total: await countAll(tx, filter, now)
	}));
	const totalPages = Math.max(1, Math.ceil(total / perPage));
	const body = JSON.stringify({
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: places.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: places.length === 0,
		contents: places.map((p) => toHsdsService(p, url))
	});
	return cached(request, body, { 'content-type': 'application/json; charset=utf-8' });
};
