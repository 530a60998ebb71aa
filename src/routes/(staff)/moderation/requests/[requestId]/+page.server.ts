import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { activityDisplay, placeDisplay } from '$lib/domain/registration/display';
import { diffDisplays } from '$lib/domain/registration/diff';
import { scheduleOf, type ActivityFields, type PlaceFields } from '$lib/domain/registration/place-values';
import { describe, nextOccurrences } from '$lib/domain/shared/schedule';
import { reviewSchema } from '$lib/domain/registration/schemas/index';
import { formatDateTime, formatSpan } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { refreshOccurrences } from '$lib/server/places/occurrences';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import { activitiesOfPlace, getPlaceRecord } from '$lib/server/registration/places';
import { approveRequest, getRequest, returnRequest } from '$lib/server/registration/moderation';
import { notifyDecision } from '$lib/server/registration/notify';
import { displayNames } from '$lib/server/registration/organizations';
import { photosOf } from '$lib/server/registration/photos-db';
import { services } from '$lib/server/platform/services';
import { moderates, requireStaff } from '$lib/server/platform/staff';
import type { Actions, PageServerLoad } from './$types';

function nextDates(f: ActivityFields, now: Date, locale: 'ja' | 'en'): string[] {
	const s = scheduleOf(f);
	return s ? nextOccurrences(s, now, 3).map((o) => formatSpan(o.start, o.end, locale)) : [];
}

export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	await requireStaff(event, moderates);
	const id = uuidParam(params.requestId);
	const locale = getLocale();
	const now = new Date();
	return locals.db(async (tx) => {
		const r = await getRequest(tx, id);
		if (!r) error(404);
		const listing = await getPlaceRecord(tx, r.placeId);
		if (!listing) error(404);
		const activities = await activitiesOfPlace(tx, r.placeId);
		const names = await displayNames(tx, [r.createdBy, r.decidedBy]);
		let rows;
		if (r.kind === 'place') {
			rows = diffDisplays(placeDisplay(r.base as PlaceFields), placeDisplay(r.proposed as PlaceFields), placeDisplay(listing.fields));
		} else if (r.kind === 'activity') {
			const current = activities.find((a) => a.id === r.activityId);
			rows = diffDisplays(
				r.base && activityDisplay(r.base as ActivityFields, locale),
				r.proposed && activityDisplay(r.proposed as ActivityFields, locale),
				r.action === 'update' && current ? activityDisplay(current.fields, locale) : undefined
			);
		} else {
			rows = diffDisplays(null, placeDisplay(listing.fields));
		}
		const form = await superValidate({ decision: '', reason: '', version: r.version }, zod4(reviewSchema), { errors: false });
		return {
			request: {
				id: r.id,
				kind: r.kind,
				action: r.action,
				status: r.status,
				reason: r.reason,
				note: r.note,
				createdAt: formatDateTime(r.createdAt, locale),
				createdBy: (r.createdBy && names.get(r.createdBy)) || '—',
				decidedAt: r.decidedAt ? formatDateTime(r.decidedAt, locale) : null,
				decidedBy: (r.decidedBy && names.get(r.decidedBy)) || null,
				stale: r.kind === 'place' && r.baseVersion !== null && r.baseVersion !== listing.meta.version
			},
			listing: { ...listing.meta, lon: listing.fields.lon, lat: listing.fields.lat },
			rows,
			activities:
				r.kind === 'new_listing'
					? activities.map((a) => ({
							id: a.id,
							title: a.fields.title,
							when: a.schedule.rrule ? describe(a.schedule, locale, { now }) : a.fields.schedule_note,
							next: nextOccurrences(a.schedule, now, 3).map((o) => formatSpan(o.start, o.end, locale))
						}))
					: [],
			proposedNext: r.kind === 'activity' && r.proposed ? nextDates(r.proposed as ActivityFields, now, locale) : [],
			photos: r.kind === 'new_listing' ? (await photosOf(tx, r.placeId)).map((p) => ({ id: p.id, caption: p.caption })) : [],
			form
		};
	});
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params, locals, url } = event;
		await requireStaff(event, moderates);
		const id = uuidParam(params.requestId);
		const form = await superValidate(request, zod4(reviewSchema));
		if (!form.valid) return fail(400, { form });
		const result = await refused(() =>
			locals.db((tx) =>
				form.data.decision === 'approve'
					? approveRequest(tx, id, form.data.version)
					: returnRequest(tx, id, form.data.version, form.data.reason)
			)
		);
		if (!result.ok) {
			form.message = result.state === '23514' ? m.reg_mod_apply_failed() : m.reg_forbidden();
			return fail(403, { form });
		}
		if (!result.value.ok) {
			form.message = {
				conflict: m.reg_mod_conflict,
				decided: m.reg_mod_decided,
				not_found: m.reg_mod_listing_changed,
				listing_changed: m.reg_mod_listing_changed
			}[result.value.reason]();
			return fail(409, { form });
		}
		const reg = await services();
		if (result.value.activityIds.length) await refreshOccurrences(reg.driver, new Date(), result.value.activityIds);
		await notifyDecision(
			reg.driver,
			reg.mailer,
			id,
			{ listing: `${url.origin}${localizeHref(`/account/places/${result.value.placeId}`)}` },
			getLocale()
		);
		redirect(303, localizeHref(`/moderation?decided=${form.data.decision === 'approve' ? 'approved' : 'returned'}`));
	}
};
