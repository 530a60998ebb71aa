import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { activityDisplay, placeDisplay } from '$lib/domain/registration/display';
import { diffDisplays } from '$lib/domain/registration/diff';
import type { ActivityFields, PlaceFields } from '$lib/domain/registration/place-values';
import { freshness } from '$lib/domain/places/freshness';
import { describe } from '$lib/domain/shared/schedule';
import type { Category } from '$lib/domain/shared/taxonomy';
import { formatWareki } from '$lib/domain/shared/wareki';
import { formatDateTime } from '$lib/i18n/format';
import { getLocale } from '$lib/paraglide/runtime';
import { refreshOccurrences } from '$lib/server/places/occurrences';
import { confirmListing } from '$lib/server/registration/freshness';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import {
	activitiesOfPlace,
	canEditDirectly,
	getPlaceRecord,
	isMemberOf,
	isModeratorOf,
	openingsOfPlace
} from '$lib/server/registration/places';
import { requestsOfPlace, submitListing, withdrawRequest, withdrawSubmission } from '$lib/server/registration/moderation';
import { displayNames } from '$lib/server/registration/organizations';
import { photosOf } from '$lib/server/registration/photos-db';
import { services } from '$lib/server/platform/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const id = uuidParam(params.placeId);
	const locale = getLocale();
	const now = new Date();
	return locals.db(async (tx) => {
		const listing = await getPlaceRecord(tx, id);
		if (!listing) error(404);
		const [activities, openings, photos, requests, direct, moderator] = await Promise.all([
			activitiesOfPlace(tx, id),
			openingsOfPlace(tx, id),
			photosOf(tx, id),
			requestsOfPlace(tx, id),
			canEditDirectly(tx, id),
			isModeratorOf(tx, listing.meta.municipalityId)
		]);
		const names = await displayNames(
			tx,
			requests.flatMap((r) => [r.createdBy, r.decidedBy])
		);
		const sentence = (s: (typeof activities)[number]['schedule'], note: string | null) =>
			s.rrule ? describe(s, locale, { now }) : (note ?? '');
		return {
			listing: { ...listing.meta, verified: listing.meta.verifiedAt ? formatWareki(listing.meta.verifiedAt) : null },
			isMember: await isMemberOf(tx, listing.meta.organizationId),
			direct,
			moderator,
			freshness:
				listing.meta.status === 'published' ? freshness(listing.meta.category as Category, listing.meta.verifiedAt, now).state : null,
			activities: activities.map((a) => ({ id: a.id, title: a.fields.title, when: sentence(a.schedule, a.fields.schedule_note || null) })),
			openings: openings.map((o) => ({
				id: o.id,
				title: o.fields.title,
				status: o.fields.status,
				visibility: o.fields.visibility,
				when: sentence(o.schedule, o.fields.schedule_note || null)
			})),
			photos: photos.map((p) => ({ id: p.id, caption: p.caption, approved: p.approved })),
			requests: requests.map((r) => ({
				id: r.id,
				kind: r.kind,
				action: r.action,
				status: r.status,
				reason: r.reason,
				createdAt: formatDateTime(r.createdAt, locale),
				decidedAt: r.decidedAt ? formatDateTime(r.decidedAt, locale) : null,
				by: (r.createdBy && names.get(r.createdBy)) || '—',
				decidedBy: (r.decidedBy && names.get(r.decidedBy)) || null,
				diff:
					r.kind === 'place'
						? diffDisplays(r.base && placeDisplay(r.base as PlaceFields), r.proposed && placeDisplay(r.proposed as PlaceFields)).filter(
								(d) => d.changed
							)
						: r.kind === 'activity'
							? diffDisplays(
									r.base && activityDisplay(r.base as ActivityFields, locale),
									r.proposed && activityDisplay(r.proposed as ActivityFields, locale)
								).filter((d) => d.changed)
							: []
			})),
			flash:
				['saved', 'submitted', 'requested', 'confirmed', 'withdrawn', 'unchanged', 'applied'].find((k) => url.searchParams.has(k)) ?? null,
			withdrawForm: await superValidate(zod4(withdrawSchema))
		};
	});
};

const withdrawSchema = z.object({ request_id: z.uuid() });

export const actions: Actions = {
	submit: async ({ params, locals }) => {
		const id = uuidParam(params.placeId);
		const result = await refused(() => locals.db((tx) => submitListing(tx, id, null)));
		if (!result.ok) return fail(403, { problem: 'forbidden' });
		const { driver } = await services();
		const activityIds = await locals.db(async (tx) => (await activitiesOfPlace(tx, id)).map((a) => a.id));
		await refreshOccurrences(driver, new Date(), activityIds);
		return { done: result.value };
	},
	withdraw: async ({ params, locals }) => {
		const id = uuidParam(params.placeId);
		const result = await refused(() => locals.db((tx) => withdrawSubmission(tx, id)));
		if (!result.ok) return fail(403, { problem: 'forbidden' });
		return { done: 'withdrawn' };
	},
	confirm: async ({ params, locals }) => {
		const id = uuidParam(params.placeId);
		const result = await refused(() => locals.db((tx) => confirmListing(tx, id, 'organization', null)));
		if (!result.ok) return fail(403, { problem: 'forbidden' });
		return { done: 'confirmed' };
	},
	withdrawRequest: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(withdrawSchema));
		if (!form.valid) return fail(400, { problem: 'invalid' });
		await locals.db((tx) => withdrawRequest(tx, form.data.request_id));
		return { done: 'withdrawn' };
	}
};
