/** Where Japan is: shared by forms, imports and the geocoder. */

/**
 * The same coarse outline of Japan's territory the database checks (private.in_japan), from
 * 与那国島 to 南鳥島 and 沖ノ鳥島 to 稚内, drawn to keep out Korea, China, Taiwan and Russia.
 */
export const JAPAN_OUTLINE: [number, number][] = [
	[122.9, 20.4],
	[154.0, 20.4],
	[154.0, 45.6],
	[140.5, 45.6],
	[139.0, 42.0],
	[135.5, 37.5],
	[131.0, 36.5],
	[129.6, 35.0],
	[128.9, 34.8],
	[128.3, 33.5],
	[125.0, 30.0],
	[122.9, 24.4],
	[122.9, 20.4]
];

/** Whether a point lies inside JAPAN_OUTLINE (ray casting). */
export function inJapanOutline(lon: number, lat: number): boolean {
	let inside = false;
	for (let i = 0, j = JAPAN_OUTLINE.length - 1; i < JAPAN_OUTLINE.length; j = i++) {
		const [xi, yi] = JAPAN_OUTLINE[i];
		const [xj, yj] = JAPAN_OUTLINE[j];
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
