import { sessionSecret } from '../auth/index';
import { configFromEnv } from '../db/index';
import { deriveLinkKey } from './tokens';

/** The key for signed links, from SESSION_SECRET (or the install's generated secret). */
export function linkKey(env: Record<string, string | undefined> = process.env): Uint8Array {
	return deriveLinkKey(sessionSecret(env, configFromEnv(env).dataDir));
}
