import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '$lib/domain/registration/photo-rules';
import { processPhoto } from './photos';

async function photoWithGps(width = 64, height = 48): Promise<Uint8Array> {
	const buf = await sharp({ create: { width, height, channels: 3, background: '#336699' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'TestCam', Model: 'GPS-1', Copyright: 'someone' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 58/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '138/1 22/1 10/1' }
		})
		.toBuffer();
	return new Uint8Array(buf);
}

describe('photo uploads', () => {
	it('drop EXIF, GPS included, and come out as JPEG', async () => {
		const input = await photoWithGps();
		const before = await sharp(input).metadata();
		expect(before.exif?.toString('latin1')).toContain('TestCam');
		const out = await processPhoto(input);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		const after = await sharp(out.body).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(Buffer.from(out.body).toString('latin1')).not.toContain('TestCam');
		expect([out.width, out.height]).toEqual([64, 48]);
	});

	it('are scaled down to 1600 px on the long side, never up', async () => {
		const big = new Uint8Array(
			await sharp({ create: { width: 3200, height: 1000, channels: 3, background: '#fff' } })
				.png()
				.toBuffer()
		);
		const out = await processPhoto(big);
		expect(out.ok && [out.width, out.height]).toEqual([1600, 500]);
	});

	it('refuse fake-typed, empty, oversized and broken files', async () => {
		expect(await processPhoto(new TextEncoder().encode('not a photo, just text named photo.jpg'))).toEqual({
			ok: false,
			problem: 'not_image'
		});
		expect(await processPhoto(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual(
			{ ok: false, problem: 'not_image' }
		);
		expect(await processPhoto(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		const huge = new Uint8Array(PHOTO_MAX_BYTES + 1);
		huge.set([0xff, 0xd8, 0xff, 0xe0]);
		expect(await processPhoto(huge)).toEqual({ ok: false, problem: 'too_large' });
		// JPEG magic bytes, then garbage
		expect(await processPhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]))).toEqual({ ok: false, problem: 'corrupt' });
	});
});
