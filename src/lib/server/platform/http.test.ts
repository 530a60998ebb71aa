import { describe, expect, it } from 'vitest';
import { isCrossSiteForm, pageParam } from './http';

const url = new URL('http://localhost:5173/account/organizations/new');
const post = (headers: Record<string, string>, method = 'POST') => new Request(url, { method, headers });

describe('the origin check applied under vite dev', () => {
	it('refuses a form posted from another site, or with no Origin', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
			expect(isCrossSiteForm(post({ 'content-type': type, origin: 'https://evil.example' }), url)).toBe(true);
			expect(isCrossSiteForm(post({ 'content-type': type }), url)).toBe(true);
		}
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:5174' }), url)).toBe(true);
	});
	it('lets the app’s own forms, JSON requests and reads through', () => {
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:5173' }), url)).toBe(
			false
		);
		expect(isCrossSiteForm(post({ 'content-type': 'application/json', origin: 'https://evil.example' }), url)).toBe(false);
		expect(isCrossSiteForm(new Request(url), url)).toBe(false);
	});
});

describe('pageParam', () => {
	const page = (q: string) => pageParam(new URL(`http://x/list${q}`));
	it('reads a whole number from 1, and takes anything else as the first page', () => {
		expect(page('?page=3')).toBe(3);
		expect(page('?page=%EF%BC%93'), '全角 ３').toBe(3);
		for (const q of ['', '?page=0', '?page=-2', '?page=1.5', '?page=abc', '?page=9999999', '?page=1e3']) expect(page(q), q).toBe(1);
	});
});
