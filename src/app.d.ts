import type { Claims, Tx } from '$lib/server/platform/db/index';

declare global {
	namespace App {
		interface Locals {
			/** the verified session's claims, or anon */
			claims: Claims;
			/** runs fn in one transaction under this request's claims: RLS decides */
			db: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
			/** this request's id: in the request log, the x-request-id header and error pages */
			requestId: string;
		}
		interface Error {
			message: string;
			/** set on unexpected errors, so a user can quote it */
			requestId?: string;
		}
		interface PageData {
			signedIn?: boolean;
		}
	}
}

export {};
