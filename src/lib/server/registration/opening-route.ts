/** The opening pages (new and edit): openings are operational, so members change them without review. */
import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { diffDisplays, type Display } from '$lib/domain/registration/diff';
import { scheduleOf, type OpeningFields } from '$lib/domain/registration/place-values';
import { openingSchema } from '$lib/domain/registration/schemas/place';
import { describe } from '$lib/domain/shared/schedule';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { lastChange } from './history';
import { refused, uuidParam } from '../platform/route-params';
import { deleteOpening, insertOpening, openingsOfPlace, updateOpening } from './places';

type Event = { request: Request; locals: App.Locals; params: { placeId: string; openingId?: string } };

function openingDisplay(f: OpeningFields, locale: 'ja' | 'en'): Display {
	const s = scheduleOf(f);
	return [
		{ key: 'title', label: m.reg_opening_title(), value: f.title },
		{ key: 'description', label: m.reg_opening_description(), value: f.description },
		{ key: 'capacity', label: m.reg_opening_capacity(), value: f.capacity },
		{
			key: 'status',
			label: m.reg_opening_status(),
			value:
				(
					{ open: m.reg_opening_status_open, paused: m.reg_opening_status_paused, closed: m.reg_opening_status_closed } as Record<
						string,
						() => string
					>
				)[f.status]?.() ?? f.status
		},
		{ key: 'schedule', label: m.reg_field_schedule(), value: s?.rrule ? describe(s, locale) : f.schedule_note }
	];
}

export async function saveOpeningAction({ request, locals, params }: Event) {
	const placeId = uuidParam(params.placeId);
	const existing = params.openingId !== undefined;
	const form = await superValidate(request, zod4(openingSchema));
	if (!form.valid || (existing && form.data.id !== uuidParam(params.openingId!))) return fail(400, { form });
	const locale = getLocale();
	const result = await refused(() =>
		locals.db(async (tx) => {
			if (!existing) {
				await insertOpening(tx, placeId, form.data.id, form.data);
				return { ok: true as const };
			}
			const saved = await updateOpening(tx, form.data.id, form.data.version, form.data);
			if (saved.ok) return { ok: true as const };
			if (saved.reason === 'not_found') return { ok: false as const, notFound: true };
			const current = (await openingsOfPlace(tx, placeId)).find((o) => o.id === form.data.id)!;
			const last = await lastChange(tx, placeId);
			return {
				ok: false as const,
				notFound: false,
				version: current.version,
				rows: diffDisplays(openingDisplay(current.fields, locale), openingDisplay(form.data, locale)),
				savedAt: last ? formatDateTime(last.at, locale) : null,
				savedBy: last?.name ?? null
			};
		})
	);
	if (!result.ok) {
		form.message = m.reg_forbidden();
		return fail(403, { form });
	}
	const r = result.value;
	if (!r.ok) {
		if (r.notFound) error(404);
		form.data.version = r.version!;
		return fail(409, { form, conflict: { rows: r.rows, savedAt: r.savedAt, savedBy: r.savedBy } });
	}
	redirect(303, localizeHref(`/account/places/${placeId}?saved`));
}

export async function removeOpeningAction({ locals, params }: Event) {
	const placeId = uuidParam(params.placeId);
	const id = uuidParam(params.openingId ?? '');
	const result = await refused(() => locals.db((tx) => deleteOpening(tx, id)));
	if (!result.ok) error(403, m.reg_forbidden());
	redirect(303, localizeHref(`/account/places/${placeId}?saved`));
}
