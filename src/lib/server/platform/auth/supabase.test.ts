/**
 * Issue 14 item 5: the Supabase adapter's client constructs on the Node these machines run (20,
 * which has no global WebSocket) and on later ones, without throwing and without a warning, and
 * an anonymous request costs no call to Supabase. (supabase-js itself prints one deprecation
 * notice for Node ≤ 20 when it is first imported; that is its module, not the client.)
 */
import type { Cookies } from '@sveltejs/kit';
import { createServerClient } from '@supabase/ssr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANON, type Driver } from '../db/index';
import { createSupabaseAuth, supabaseClient } from './supabase';

const noCookies: Cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };
const nativeWebSocket = typeof (globalThis as { WebSocket?: unknown }).WebSocket !== 'undefined';
// nothing here may reach the database: an anonymous request has no session to look up
const noDatabase = new Proxy({} as Driver, {
	get: () => {
		throw new Error('the database was used');
	}
});

afterEach(() => vi.restoreAllMocks());

describe(`the Supabase client on Node ${process.versions.node}`, () => {
	it('without a transport supabase-js refuses exactly where Node has no WebSocket (why the adapter passes one)', () => {
		const bare = () => createServerClient('http://127.0.0.1:9', 'anon-key', { cookies: { getAll: () => [], setAll() {} } });
		if (nativeWebSocket) expect(bare).not.toThrow();
		else expect(bare).toThrow(/native WebSocket not found/);
	});

	it('the adapter’s client constructs, with its realtime client, without throwing or warning', () => {
		const warn = vi.spyOn(console, 'warn');
		const error = vi.spyOn(console, 'error');
		const client = supabaseClient({ url: 'http://127.0.0.1:9', anonKey: 'anon-key' }, noCookies);
		expect(client.realtime).toBeDefined();
		expect(client.channel('construct-only').topic).toBe('realtime:construct-only');
		expect(warn).not.toHaveBeenCalled();
		expect(error).not.toHaveBeenCalled();
	});

	it('an anonymous request resolves to anon with no call to Supabase and no warning', async () => {
		const warn = vi.spyOn(console, 'warn');
		const calls: string[] = [];
		const fetch = ((input: RequestInfo | URL) => {
			calls.push(String(input));
			return Promise.reject(new Error('no network in this test'));
		}) as typeof globalThis.fetch;
		const auth = createSupabaseAuth(noDatabase, { url: 'http://127.0.0.1:9', anonKey: 'anon-key', fetch });
		expect(await auth.resolve(noCookies)).toEqual(ANON);
		expect(calls).toEqual([]);
		expect(warn).not.toHaveBeenCalled();
	});
});
