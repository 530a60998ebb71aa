/** A listing's photo, if the caller may see it (RLS on place_photos decides), from the storage port. */
import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/server/platform/route-params';
import { getPhoto } from '$lib/server/registration/photos-db';
import { services } from '$lib/server/platform/services';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (!isUuid(params.photoId)) error(404);
	const photo = await locals.db((tx) => getPhoto(tx, params.photoId));
	if (!photo) error(404);
	const object = await (await services()).storage.get(photo.storageKey);
	if (!object) error(404);
	const open = locals.claims.role === 'anon';
	return new Response(object.body as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': photo.contentType,
			'cache-control': open ? 'public, max-age=3600' : 'private, max-age=300',
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		}
	});
};
