/**
 * What a photo upload may be. The browser checks these before sending; the server checks
 * again by the file's own bytes (a renamed text file is not a JPEG) and re-encodes it, which
 * drops EXIF and its GPS position.
 */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
export const PHOTOS_PER_PLACE = 6;

export type ImageKind = 'jpeg' | 'png' | 'webp';

/** The image format by its magic bytes, whatever the file is called or claims to be. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
	if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
		return 'webp';
	return null;
}

export type PhotoProblem = 'empty' | 'too_large' | 'not_image' | 'too_many_pixels' | 'corrupt';
