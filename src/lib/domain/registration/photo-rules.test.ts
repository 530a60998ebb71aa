import { describe, expect, it } from 'vitest';
import { sniffImage } from './photo-rules';

describe('image sniffing by bytes', () => {
	it('knows JPEG, PNG and WebP by their magic bytes, and nothing else', () => {
		expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
		expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
		expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
		// a text file renamed to .jpg, an SVG (script inside), a GIF and nothing at all
		expect(sniffImage(new TextEncoder().encode('hello, I am not a photo'))).toBeNull();
		expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
		expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(sniffImage(new Uint8Array())).toBeNull();
	});
});
