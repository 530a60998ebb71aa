/**
 * Refuses requests whose query, path or form fields hold a NUL byte (U+0000) before any load,
 * action or endpoint runs: PostgreSQL cannot store it in text and answered 500. One place for
 * every input path; the 400 names the field so the user (or API client) can see what to fix.
 */
import type { Handle } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formContentType } from './http';

/** The first input field holding a NUL byte, or null. File contents are not checked. */
export async function fieldWithNul(request: Request, url: URL): Promise<string | null> {
	let path = url.pathname;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		/* malformed escapes are left for the router */
	}
	if (path.includes('\0')) return 'path';
	for (const [key, value] of url.searchParams) if (key.includes('\0') || value.includes('\0')) return key.replace(/\0/g, '') || 'query';
	const type = formContentType(request);
	if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
		let form: FormData;
		try {
			form = await request.clone().formData();
		} catch {
			return null;
		}
		for (const [key, value] of form)
			if (key.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return key.replace(/\0/g, '') || 'form';
	}
	return null;
}

export function nulResponse(request: Request, field: string): Response {
	const message = m.input_error_nul({ field });
	const wantsJson = (request.headers.get('accept') ?? '').includes('application/json') || new URL(request.url).pathname.startsWith('/api/');
	if (wantsJson)
		return new Response(
			JSON.stringify({ error: 'invalid_parameters', errors: [{ parameter: field, reason: 'contains a NUL byte' }], message }),
			{
				status: 400,
				headers: { 'content-type': 'application/json; charset=utf-8' }
			}
		);
	const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	return new Response(
		`<!doctype html><html lang="ja"><meta charset="utf-8"><title>${esc(m.error_title())}</title><main><h1>${esc(m.error_title())}</h1><p role="alert">${esc(message)}</p></main></html>`,
		{ status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } }
	);
}

export const rejectNul: Handle = async ({ event, resolve }) => {
	const field = await fieldWithNul(event.request, event.url);
	if (field !== null) return nulResponse(event.request, field);
	return resolve(event);
};
