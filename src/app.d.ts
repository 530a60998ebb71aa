import type { Claims, Tx } from '$lib/server/platform/db/index';

declare global {
	namespace App {
		interface Locals {
			/** the verified session's claims, or anon */
			claims: Claims;
			/** runs fn in one transaction under this request's claims: RLS decides */
			db: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			signedIn?: boolean;
		}
	}
}

export {};
