/**
 * Responses for the public APIs: strong ETags over the body, so CDNs and browsers revalidate
 * with 304s; Cache-Control that lets a CDN serve them for a few minutes.
 */
import { createHash } from 'node:crypto';
import type { ParamError } from '$lib/domain/shared/params';

export const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

export function cached(request: Request, body: string, headers: Record<string, string>): Response {
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
	const common = { etag, 'cache-control': PUBLIC_CACHE, vary: 'accept-encoding', 'access-control-allow-origin': '*' };
	const match = request.headers.get('if-none-match');
	if (
		match &&
		match
			.split(',')
			.map((s) => s.trim().replace(/^W\//, ''))
			.includes(etag)
	)
		return new Response(null, { status: 304, headers: common });
	return new Response(body, { status: 200, headers: { ...headers, ...common } });
}

const REASONS: Record<ParamError['code'], string> = {
	unknown_value: 'not one of the allowed values',
	not_a_number: 'not a number',
	out_of_range: 'out of range',
	bad_format: 'not in the expected format',
	too_long: 'too long'
};

/** 400 with a JSON body that names each parameter and why it was refused. */
export function badParameters(errors: ParamError[], allowed: Record<string, string> = {}): Response {
	return new Response(
		JSON.stringify({
			error: 'invalid_parameters',
			errors: errors.map((e) => ({
				parameter: e.param,
				value: e.value,
				reason: REASONS[e.code] + (allowed[e.param] ? ` (allowed: ${allowed[e.param]})` : '')
			}))
		}),
		{ status: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' } }
	);
}

/** The content types an HTML form can post (the ones a browser sends cross-site without asking). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** A request that carries a form body: a non-GET with a form content type. */
export function formContentType(request: Request): string | null {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	return FORM_TYPES.includes(type) ? type : null;
}

/**
 * A form posted from another site: SvelteKit refuses these in production (its CSRF check) but
 * not under `vite dev`, so hooks.server.ts applies this there.
 */
export function isCrossSiteForm(request: Request, url: URL): boolean {
	return formContentType(request) !== null && request.headers.get('origin') !== url.origin;
}

/** `?page=` of a paged list: a whole number from 1 (全角 digits too); anything else is the first page. */
export function pageParam(url: URL, max = 100_000): number {
	const raw = url.searchParams.get('page')?.normalize('NFKC');
	const n = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
	return n >= 1 && n <= max ? n : 1;
}
