/**
 * Picks the session adapter: Supabase Auth when PUBLIC_SUPABASE_URL is set, else embedded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from '../db/types';
import { createEmbeddedAuth } from './embedded';
import type { Auth } from './port';

export type { Auth, ConfirmEmailResult, SignInResult, SignUpResult } from './port';

/**
 * SESSION_SECRET signs the embedded adapter's cookies. Without it (the demo), a random secret
 * is kept in the data directory so sessions survive restarts of the same install.
 */
export function sessionSecret(env: Record<string, string | undefined>, dataDir: string): Uint8Array {
	if (env.SESSION_SECRET) {
		if (env.SESSION_SECRET.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
		return new TextEncoder().encode(env.SESSION_SECRET);
	}
	const file = path.resolve(dataDir, '..', 'session-secret');
	if (!fs.existsSync(file)) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
	}
	return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

export async function createAuth(driver: Driver, env: Record<string, string | undefined>, dataDir: string): Promise<Auth> {
	const secure = env.ORIGIN?.startsWith('https://') === true;
	if (env.PUBLIC_SUPABASE_URL && env.PUBLIC_SUPABASE_ANON_KEY) {
		// loaded only when used: supabase-js is large and warns on Node 20 at import
		const { createSupabaseAuth } = await import('./supabase');
		return createSupabaseAuth(driver, { url: env.PUBLIC_SUPABASE_URL, anonKey: env.PUBLIC_SUPABASE_ANON_KEY });
	}
	return createEmbeddedAuth(driver, { secret: sessionSecret(env, dataDir), secure });
}
