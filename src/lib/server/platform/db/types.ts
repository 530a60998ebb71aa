/** What the database needs to know about the caller; RLS decides from it. */
export interface Claims {
	/** auth.users.id; null when signed out */
	sub: string | null;
	role: 'anon' | 'authenticated';
	email?: string;
	/** 'aal2' after a TOTP check in this session */
	aal?: 'aal1' | 'aal2';
	session_id?: string;
}

export const ANON: Claims = Object.freeze({ sub: null, role: 'anon' });

/** One transaction's handle. Parameters are always bound, never spliced into the text. */
export interface Tx {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Several statements without parameters (migrations, seed). */
	exec(sql: string): Promise<void>;
}

export interface Driver {
	readonly kind: 'pglite' | 'postgres';
	/** A transaction on the fail-closed connection: it has no table privilege until a role is set. */
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** A transaction with the owner's rights, bypassing RLS. Only system.ts hands this out. */
	ownerTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}
