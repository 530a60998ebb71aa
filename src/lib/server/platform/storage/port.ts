/** Where photo files live: local disk by default, Supabase Storage in production. */
export interface StoredObject {
	body: Uint8Array;
	contentType: string;
}

export interface Storage {
	readonly kind: 'local' | 'supabase';
	/** Stores a new object; never replaces one: fails when the key is taken. */
	put(key: string, body: Uint8Array, contentType: string): Promise<void>;
	get(key: string): Promise<StoredObject | null>;
	delete(key: string): Promise<void>;
}

/** Keys are ours (uuid-based), never a file name a user chose; checked again on every call. */
export const KEY = /^[a-z0-9][a-z0-9/_-]{0,199}\.(jpg|webp)$/;

export function checkKey(key: string): string {
	if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`bad storage key: ${key}`);
	return key;
}
