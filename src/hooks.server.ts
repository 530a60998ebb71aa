import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { isCrossSiteForm } from '$lib/server/platform/http';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { requestDb } from '$lib/server/platform/request-db';
import { startScheduledJobs } from '$lib/server/jobs';
import { services } from '$lib/server/platform/services';
import { rejectNul } from '$lib/server/platform/input-guard';
import { errorForLog, requestIdFrom, requestLine, writeRequestLine } from '$lib/server/platform/request-log';
import { m } from '$lib/paraglide/messages';

/** A request id for every request, and one log line when it is answered (see request-log.ts). */
const observe: Handle = async ({ event, resolve }) => {
	const startedAt = performance.now();
	event.locals.requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		response.headers.set('x-request-id', event.locals.requestId);
		return response;
	} finally {
		writeRequestLine(
			requestLine({ requestId: event.locals.requestId, method: event.request.method, route: event.route.id, status, startedAt })
		);
	}
};

/** An unexpected error: the user reads a calm message and the number to quote; the log gets where it happened. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId ?? 'unknown';
	if (status >= 500) console.error(JSON.stringify({ level: 'error', requestId, route: event.route.id, ...errorForLog(error) }));
	return { message: status === 404 ? m.not_found() : m.error_unexpected(), requestId };
};

/** Under `vite dev` SvelteKit skips its origin check; we do not. */
const devOriginCheck: Handle = ({ event, resolve }) =>
	dev && isCrossSiteForm(event.request, event.url)
		? Promise.resolve(new Response('Cross-site form submissions are refused', { status: 403 }))
		: resolve(event);

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
	event.locals.db = requestDb(driver, claims);
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

export const handle = sequence(observe, devOriginCheck, headers, i18n, rejectNul, session);
