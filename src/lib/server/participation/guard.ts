/**
 * The 参加支援 scope: the municipality's coordinators, in a TOTP-verified session (aal2) — the
 * database refuses participant data to anything less. Every load, action and endpoint under
 * /participation calls this before its first query (see requireStaff for why a layout is not enough).
 */
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { services } from '$lib/server/platform/services';
import { requireStaff, type GuardEvent } from '$lib/server/platform/staff';
import { coordinatorMunicipality } from './participants';

const townByRequest = new WeakMap<App.Locals, Promise<string | null>>();

/** The town the coordinator works in; a page that needs a second factor sends the user to get one. */
export async function requireCoordinator(event: GuardEvent): Promise<{ municipalityId: string }> {
	const { locals, url, request } = event;
	await requireStaff(event, (r) => r.coordinator, m.participation_forbidden);
	if (locals.claims.aal !== 'aal2') {
		// a form post cannot be resumed after a detour; a page or a download can
		if (request.method !== 'GET') error(403, m.participation_needs_totp());
		const { auth } = await services();
		const next = encodeURIComponent(url.pathname + url.search);
		const enrolled = (await auth.totpStatus(locals.claims)) === 'verified';
		redirect(303, `${localizeHref(enrolled ? '/auth/totp' : '/account/totp')}?next=${next}&why=aal2`);
	}
	let town = townByRequest.get(locals);
	if (!town) {
		town = locals.db(coordinatorMunicipality);
		townByRequest.set(locals, town);
	}
	const municipalityId = await town;
	if (!municipalityId) error(403, m.participation_forbidden());
	return { municipalityId };
}
