import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { placeDisplay } from '$lib/domain/registration/display';
import { diffDisplays } from '$lib/domain/registration/diff';
import type { PlaceFields } from '$lib/domain/registration/place-values';
import { placeSchema } from '$lib/domain/registration/schemas/place';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { lastChange } from '$lib/server/registration/history';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import { canEditDirectly, getPlaceRecord, isModeratorOf, municipalityCenter, type Via, updatePlace } from '$lib/server/registration/places';
import { pendingRequest, proposePlaceChange } from '$lib/server/registration/moderation';
import { services } from '$lib/server/platform/services';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = uuidParam(params.placeId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, id);
		const direct = await canEditDirectly(tx, id);
		const pending = direct ? null : await pendingRequest(tx, id, 'place', null);
		const start = (pending?.proposed as PlaceFields | null) ?? listing.fields;
		const form = await superValidate(
			{ ...start, id, version: pending?.version ?? listing.meta.version, request_id: pending?.id ?? '', note: pending?.note ?? '' },
			zod4(placeSchema),
			{ errors: false }
		);
		return {
			listing: listing.meta,
			direct,
			pending: !!pending,
			form,
			center: await municipalityCenter(tx, listing.meta.municipalityId)
		};
	});
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const id = uuidParam(params.placeId);
		const form = await superValidate(request, zod4(placeSchema));
		if (!form.valid || form.data.id !== id) return fail(400, { form });
		const locale = getLocale();
		const result = await refused(() =>
			locals.db(async (tx) => {
				const listing = await getPlaceRecord(tx, id);
				if (!listing) return { kind: 'not_found' as const };
				if (await canEditDirectly(tx, id)) {
					const via: Via = (await isModeratorOf(tx, listing.meta.municipalityId))
						? 'moderator'
						: listing.meta.status === 'published'
							? 'trusted'
							: 'form';
					const saved = await updatePlace(tx, id, form.data.version, form.data, via);
					if (saved.ok) return { kind: 'saved' as const, published: listing.meta.status === 'published' };
					const last = await lastChange(tx, id);
					return { kind: 'conflict' as const, theirs: listing.fields, version: listing.meta.version, requestId: '', last };
				}
				const filed = await proposePlaceChange(
					tx,
					id,
					{ requestId: form.data.request_id || null, version: form.data.version },
					form.data,
					form.data.note || null
				);
				if (filed.ok) return { kind: filed.unchanged ? ('unchanged' as const) : ('requested' as const) };
				if (filed.reason === 'not_found') return { kind: 'not_found' as const };
				const pending = await pendingRequest(tx, id, 'place', null);
				return {
					kind: 'conflict' as const,
					theirs: (pending?.proposed as PlaceFields | null) ?? listing.fields,
					version: pending?.version ?? listing.meta.version,
					requestId: pending?.id ?? '',
					last: pending ? { at: pending.createdAt, name: null } : await lastChange(tx, id)
				};
			})
		);
		if (!result.ok) {
			if (result.state === '23514') return setError(form, 'lon', m.reg_place_outside_japan());
			form.message = m.reg_forbidden();
			return fail(403, { form });
		}
		const r = result.value;
		if (r.kind === 'not_found') error(404);
		if (r.kind === 'conflict') {
			const rows = diffDisplays(placeDisplay(r.theirs), placeDisplay(form.data));
			form.data.version = r.version;
			form.data.request_id = r.requestId;
			form.message = m.reg_conflict_title();
			return fail(409, {
				form,
				conflict: { rows, savedAt: r.last ? formatDateTime(r.last.at, locale) : null, savedBy: r.last?.name ?? null }
			});
		}
		const flag = r.kind === 'saved' ? (r.published ? 'applied' : 'saved') : r.kind;
		redirect(303, localizeHref(`/account/places/${id}?${flag}`));
	},

	geocode: async ({ request }) => {
		const form = await superValidate(request, zod4(placeSchema), { errors: false });
		const { geocoder } = await services();
		const hits = await geocoder.search(form.data.address, 5);
		if (hits.length) {
			form.data.lon = hits[0].lon.toFixed(6);
			form.data.lat = hits[0].lat.toFixed(6);
		}
		return { form, geocoded: { query: form.data.address, hits } };
	}
};
