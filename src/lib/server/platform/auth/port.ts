import type { Cookies } from '@sveltejs/kit';
import type { Claims } from '../db/types';

export type SignInResult = { ok: true; needsTotp: boolean } | { ok: false; reason: 'invalid' | 'rate_limited' | 'unconfirmed' };

export interface SignUpInput {
	email: string;
	password: string;
	displayName: string;
	/** the client's address, for the sign-up rate limit */
	ip: string | null;
	/** where the confirmation link leads (Supabase puts its token on it) */
	redirectTo: string;
}

/**
 * What to mail after a sign-up. The reply to the person is the same in every case ("we sent
 * you a mail"), so the form never tells whether an address already has an account.
 */
export type SignUpResult =
	| { ok: true; mail: 'confirmation'; token: string; expiresAt: Date }
	/** the address already has a confirmed account: mail a notice, not a link */
	| { ok: true; mail: 'exists' }
	/** the auth service mails its own confirmation (Supabase) */
	| { ok: true; mail: 'sent_by_service' }
	| { ok: false; reason: 'rate_limited' };

export type ConfirmEmailResult = 'confirmed' | 'invalid' | 'expired' | 'used';

/**
 * 'rate_limited': too many wrong codes for this user lately; no code, not even the right one,
 * is checked until the window passes.
 */
export type TotpResult = 'verified' | 'invalid' | 'rate_limited';

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
	/** A new account, unconfirmed until the link in the mail is opened (issue 4). */
	signUp(cookies: Cookies, input: SignUpInput): Promise<SignUpResult>;
	/** Confirms the address of the link's account; single-use, expiring. */
	confirmEmail(cookies: Cookies, token: string): Promise<ConfirmEmailResult>;
	/** 'verified' when the user has a TOTP factor in use */
	totpStatus(claims: Claims): Promise<'none' | 'verified'>;
	startTotpEnrolment(cookies: Cookies, claims: Claims): Promise<TotpEnrolment>;
	/** Confirms enrolment or answers the sign-in challenge; on success the session becomes aal2. */
	verifyTotp(cookies: Cookies, claims: Claims, code: string): Promise<TotpResult>;
}
