/**
 * Supabase Storage (production), through its REST API with the service role key — server
 * side only; the bucket stays private and photos are served by our /photos/[id] route, which
 * asks the database (RLS) whether the caller may see them.
 * Not exercised by the tests here (there is no Supabase on this machine).
 */
import { checkKey, type Storage } from './port';

export interface SupabaseStorageOptions {
	url: string;
	serviceKey: string;
	bucket: string;
	fetch?: typeof fetch;
}

export function createSupabaseStorage(o: SupabaseStorageOptions): Storage {
	const f = o.fetch ?? fetch;
	const object = (key: string) => `${o.url.replace(/\/$/, '')}/storage/v1/object/${encodeURIComponent(o.bucket)}/${checkKey(key)}`;
	const auth = { authorization: `Bearer ${o.serviceKey}`, apikey: o.serviceKey };
	return {
		kind: 'supabase',
		async put(key, body, contentType) {
			const res = await f(object(key), {
				method: 'POST',
				headers: { ...auth, 'content-type': contentType, 'x-upsert': 'false' },
				body: new Blob([body as Uint8Array<ArrayBuffer>])
			});
			if (!res.ok) throw new Error(`storage upload failed: ${res.status}`);
		},
		async get(key) {
			const res = await f(object(key), { headers: auth });
			if (res.status === 404 || res.status === 400) return null;
			if (!res.ok) throw new Error(`storage read failed: ${res.status}`);
			return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'image/jpeg' };
		},
		async delete(key) {
			const res = await f(`${o.url.replace(/\/$/, '')}/storage/v1/object/${encodeURIComponent(o.bucket)}`, {
				method: 'DELETE',
				headers: { ...auth, 'content-type': 'application/json' },
				body: JSON.stringify({ prefixes: [checkKey(key)] })
			});
			if (!res.ok && res.status !== 404) throw new Error(`storage delete failed: ${res.status}`);
		}
	};
}
