/**
 * Supabase Storage (production), through its REST API with the service role key — server
 * side only; the bucket stays private and photos are served by our /photos/[id] route, which
 * asks the database (RLS) whether the caller may see them, before it asks the storage.
 * Tested against a Storage stand-in (supabase.test.ts; there is no Supabase on this machine).
 */
import { checkKey, type Storage } from './port';

export interface SupabaseStorageOptions {
	url: string;
	serviceKey: string;
	bucket: string;
	fetch?: typeof fetch;
}

/**
 * Whether a failed read means "no such object". Storage answers 400 to every client error and
 * names the real one in the body, so a bad key or a wrong bucket must not read as a missing photo.
 */
async function missing(res: Response): Promise<boolean> {
	if (res.status !== 400 && res.status !== 404) return false;
	const body = (await res.json().catch(() => null)) as { statusCode?: string; code?: string; error?: string } | null;
	if (!body || (res.status === 400 && body.statusCode !== '404')) return false;
	// NoSuchKey since the error codes came in; older servers said only error "not_found"
	return body.code === 'NoSuchKey' || (body.code === undefined && body.error === 'not_found');
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
			if (!res.ok && (await missing(res))) return null;
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
