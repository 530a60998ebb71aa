/**
 * Form actions and endpoints run without the layout's load, so each checks the session itself:
 * signed in with a verified second factor. (RLS would refuse the rows anyway; this turns the
 * refusal into a clear 403 instead of a failed statement.)
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

export function requireCasework(locals: App.Locals): void {
	if (locals.claims.role !== 'authenticated') error(403, m.participation_forbidden());
	if (locals.claims.aal !== 'aal2') error(403, m.participation_needs_totp());
}
