import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { rejectNul } from './input-guard';
import hooksSource from '../../../hooks.server.ts?raw';

function eventFor(request: Request): RequestEvent {
	return {
		request,
		url: new URL(request.url),
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		locals: {},
		params: {},
		route: { id: '/' },
		setHeaders() {},
		getClientAddress: () => '127.0.0.1',
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch
	} as unknown as RequestEvent;
}

async function run(request: Request) {
	const resolve = vi.fn(async () => new Response('ok'));
	const response = await rejectNul({ event: eventFor(request), resolve });
	return { response, resolved: resolve.mock.calls.length > 0 };
}

const form = (fields: Record<string, string>) =>
	new Request('http://localhost/auth/sign-in', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});

describe('NUL bytes in input (issue 10 item 14)', () => {
	it('runs in the app hooks before the session and every load', () => {
		expect(hooksSource).toMatch(/sequence\([^)]*\brejectNul, session\)/);
	});

	it('answers 400 naming the query parameter, before any load runs', async () => {
		const { response, resolved } = await run(new Request('http://localhost/?q=%00'));
		expect(response.status).toBe(400);
		expect(resolved).toBe(false);
		expect(await response.text()).toContain('「q」');
	});

	it('answers 400 naming the form field (password a\\0b)', async () => {
		const { response, resolved } = await run(form({ email: 'a@example.jp', password: 'a\0b' }));
		expect(response.status).toBe(400);
		expect(resolved).toBe(false);
		expect(await response.text()).toContain('「password」');
	});

	it('checks multipart string fields and the path; JSON for API clients', async () => {
		const body = new FormData();
		body.set('name', 'x\0');
		body.set('photo', new Blob(['\0binary']), 'a.jpg');
		const multipart = await run(new Request('http://localhost/account/places/new', { method: 'POST', body }));
		expect(multipart.response.status).toBe(400);
		expect(await multipart.response.text()).toContain('「name」');

		const path = await run(new Request('http://localhost/places/%00'));
		expect(path.response.status).toBe(400);

		const api = await run(new Request('http://localhost/api/places.geojson?category=%00'));
		expect(api.response.status).toBe(400);
		expect(await api.response.json()).toMatchObject({ errors: [{ parameter: 'category' }] });
	});

	it('lets clean input and uploaded binary files through', async () => {
		const body = new FormData();
		body.set('name', '子ども食堂');
		body.set('photo', new Blob(['\0binary']), 'a.jpg');
		const upload = await run(new Request('http://localhost/account/places/new', { method: 'POST', body }));
		expect(upload.resolved).toBe(true);
		const plain = await run(new Request('http://localhost/?q=%E9%A3%9F%E5%A0%82'));
		expect(plain.resolved).toBe(true);
	});
});
