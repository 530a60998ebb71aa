/**
 * Picks the storage: Supabase Storage when SUPABASE_SERVICE_ROLE_KEY and PUBLIC_SUPABASE_URL are
 * set (bucket SUPABASE_STORAGE_BUCKET, default place-photos), else the local disk under
 * UPLOADS_DIR (default ./.data/uploads).
 */
import { createLocalStorage } from './local';
import type { Storage } from './port';
import { createSupabaseStorage } from './supabase';

export type { Storage, StoredObject } from './port';

export function createStorage(env: Record<string, string | undefined> = process.env): Storage {
	if (env.PUBLIC_SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY)
		return createSupabaseStorage({
			url: env.PUBLIC_SUPABASE_URL,
			serviceKey: env.SUPABASE_SERVICE_ROLE_KEY,
			bucket: env.SUPABASE_STORAGE_BUCKET || 'place-photos'
		});
	return createLocalStorage(env.UPLOADS_DIR || './.data/uploads');
}
