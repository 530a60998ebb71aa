import type { Cookies } from '@sveltejs/kit';
import type { Claims } from '../db/types';

export type SignInResult =
	| { ok: true; needsTotp: boolean }
	| { ok: false; reason: 'invalid' | 'rate_limited' | 'unconfirmed' };

export interface TotpEnrolment {
	secret: string;
	/** otpauth:// URI for authenticator apps */
	uri: string;
}

/**
 * Sessions. Two adapters (embedded, supabase) produce the same Claims; routes see only this.
 * Every call that changes the session writes the cookie itself.
 */
export interface Auth {
	readonly kind: 'embedded' | 'supabase';
	/** The verified, live session of this request — or anon. Checked on every request. */
	resolve(cookies: Cookies): Promise<Claims>;
	signIn(cookies: Cookies, email: string, password: string, ip: string | null): Promise<SignInResult>;
	signOut(cookies: Cookies, claims: Claims): Promise<void>;
	/** 'verified' when the user has a TOTP factor in use */
	totpStatus(claims: Claims): Promise<'none' | 'verified'>;
	startTotpEnrolment(cookies: Cookies, claims: Claims): Promise<TotpEnrolment>;
	/** Confirms enrolment or answers the sign-in challenge; on success the session becomes aal2. */
	verifyTotp(cookies: Cookies, claims: Claims, code: string): Promise<boolean>;
}
