import { json } from '@sveltejs/kit';
import { readiness } from '$lib/server/platform/health';
import { services } from '$lib/server/platform/services';
import type { RequestHandler } from './$types';

/** The database is reachable and its migrations current: 200, else 503. */
export const GET: RequestHandler = async () => {
	const driver = await services().then(
		(s) => s.driver,
		() => null
	);
	const r = await readiness(driver);
	return json(
		{ status: r.ready ? 'ready' : 'not_ready', checks: r.checks },
		{ status: r.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
