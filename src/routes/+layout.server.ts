import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	signedIn: locals.claims.role === 'authenticated',
	email: locals.claims.email ?? null
});
