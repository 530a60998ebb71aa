/**
 * Photo uploads: checked by their bytes, limited in size and pixels, then re-encoded as JPEG
 * with sharp. Re-encoding without `withMetadata` drops every metadata block — EXIF with its
 * GPS position, XMP, IPTC, comments — after applying the EXIF orientation to the pixels.
 */
import sharp from 'sharp';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, sniffImage, type PhotoProblem } from '$lib/domain/registration/photo-rules';

export const PHOTO_EDGE = 1600;

export type ProcessedPhoto =
	{ ok: true; body: Uint8Array; width: number; height: number; contentType: 'image/jpeg' } | { ok: false; problem: PhotoProblem };

export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
	if (bytes.length === 0) return { ok: false, problem: 'empty' };
	if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, problem: 'too_large' };
	if (!sniffImage(bytes)) return { ok: false, problem: 'not_image' };
	try {
		const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
		if (!meta.width || !meta.height) return { ok: false, problem: 'corrupt' };
		if (meta.width * meta.height > PHOTO_MAX_PIXELS) return { ok: false, problem: 'too_many_pixels' };
		const { data, info } = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
			.rotate()
			.resize({ width: PHOTO_EDGE, height: PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer({ resolveWithObject: true });
		return { ok: true, body: new Uint8Array(data), width: info.width, height: info.height, contentType: 'image/jpeg' };
	} catch {
		return { ok: false, problem: 'corrupt' };
	}
}
