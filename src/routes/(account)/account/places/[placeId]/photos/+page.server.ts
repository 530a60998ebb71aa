import { fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { PHOTOS_PER_PLACE, type PhotoProblem } from '$lib/domain/registration/photo-rules';
import { photoSchema } from '$lib/domain/registration/schemas/index';
import { m } from '$lib/paraglide/messages';
import { refused, uuidParam } from '$lib/server/platform/route-params';
import { getPlaceRecord, isModeratorOf } from '$lib/server/registration/places';
import { processPhoto } from '$lib/server/registration/photos';
import { approvePhoto, deletePhoto, insertPhoto, photosOf } from '$lib/server/registration/photos-db';
import { services } from '$lib/server/platform/services';
import { placeToWorkOn } from '$lib/server/registration/guard';
import type { Actions, PageServerLoad } from './$types';

const photoIdSchema = z.object({ photo_id: z.uuid() });

const PROBLEM: Record<PhotoProblem, () => string> = {
	empty: m.reg_photo_empty,
	too_large: m.reg_photo_too_large,
	not_image: m.reg_photo_not_image,
	too_many_pixels: m.reg_photo_too_many_pixels,
	corrupt: m.reg_photo_corrupt
};

export const load: PageServerLoad = async ({ params, locals }) => {
	const placeId = uuidParam(params.placeId);
	return locals.db(async (tx) => {
		const listing = await placeToWorkOn(tx, placeId);
		const form = await superValidate(zod4(photoSchema));
		form.data.id = crypto.randomUUID();
		return {
			listing: listing.meta,
			photos: (await photosOf(tx, placeId)).map((p) => ({
				id: p.id,
				caption: p.caption,
				approved: p.approved,
				width: p.width,
				height: p.height
			})),
			moderator: await isModeratorOf(tx, listing.meta.municipalityId),
			form,
			full: false
		};
	});
};

export const actions: Actions = {
	upload: async ({ request, params, locals }) => {
		const placeId = uuidParam(params.placeId);
		const data = await request.formData();
		const form = await superValidate(data, zod4(photoSchema));
		const file = data.get('photo');
		if (!(file instanceof File) || file.size === 0) setError(form, 'caption', m.reg_photo_choose());
		if (!form.valid || !(file instanceof File) || file.size === 0) return fail(400, { form });
		// refuse anyone who may not work on the place before a byte reaches the storage
		await locals.db((tx) => placeToWorkOn(tx, placeId));
		const processed = await processPhoto(new Uint8Array(await file.arrayBuffer()));
		if (!processed.ok) return setError(form, 'caption', PROBLEM[processed.problem]());
		const { storage } = await services();
		const key = `photos/${placeId}/${form.data.id}.jpg`;
		await storage.put(key, processed.body, processed.contentType);
		const saved = await refused(() =>
			locals.db(async (tx) => {
				const listing = await getPlaceRecord(tx, placeId);
				if (!listing) return 'missing' as const;
				if ((await photosOf(tx, placeId)).length >= PHOTOS_PER_PLACE) return 'full' as const;
				const approve = listing.meta.trusted || (await isModeratorOf(tx, listing.meta.municipalityId));
				const ok = await insertPhoto(tx, {
					id: form.data.id,
					placeId,
					storageKey: key,
					width: processed.width,
					height: processed.height,
					bytes: processed.body.length,
					caption: form.data.caption,
					approve
				});
				return ok ? ('saved' as const) : ('missing' as const);
			})
		);
		if (!saved.ok || saved.value !== 'saved') {
			await storage.delete(key);
			if (saved.ok && saved.value === 'full') return setError(form, 'caption', m.reg_photo_full({ n: PHOTOS_PER_PLACE }));
			form.message = m.reg_forbidden();
			return fail(403, { form });
		}
		const next = await superValidate(zod4(photoSchema));
		next.data.id = crypto.randomUUID();
		return { form: next, uploaded: true };
	},
	remove: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(photoIdSchema));
		if (!form.valid) return fail(400, {});
		const key = await locals.db((tx) => deletePhoto(tx, form.data.photo_id));
		if (key) await (await services()).storage.delete(key);
		return { removed: !!key };
	},
	approve: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(photoIdSchema));
		if (!form.valid) return fail(400, {});
		const done = await refused(() => locals.db((tx) => approvePhoto(tx, form.data.photo_id)));
		return { approved: done.ok && done.value };
	}
};
