import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { withClaims } from '$lib/server/platform/db/index';
import { startScheduledJobs } from '$lib/server/jobs';
import { services } from '$lib/server/platform/services';
import { rejectNul } from '$lib/server/platform/input-guard';

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

/** Resolves the session once per request; loads and actions use locals.claims and locals.db. */
const session: Handle = async ({ event, resolve }) => {
	const { driver, auth } = await services();
	const claims = await auth.resolve(event.cookies);
	event.locals.claims = claims;
	event.locals.db = (fn) => withClaims(driver, claims, fn);
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('permissions-policy', 'geolocation=(self), camera=(), microphone=()');
	if (event.locals.claims?.role === 'authenticated') response.headers.set('cache-control', 'private, no-store');
	return response;
};

/** Opens the database and starts every scheduled job once, when the server starts. */
export const init: ServerInit = async () => {
	await startScheduledJobs();
};

export const handle = sequence(headers, i18n, rejectNul, session);
