/** Look and basemap defaults shared by both renderers, so they draw the same map. */

export const GSI_PALE_TILES = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
export const GSI_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>';
/** 地理院タイル 淡色地図 has zoom levels 2–18. */
export const BASEMAP_MAX_ZOOM = 18;
export const MAP_MAX_ZOOM = 18;
/** Drawn under the tiles, so the places stay readable when tiles fail (offline, tests). */
export const BACKGROUND = '#eef0ea';

/** A raster template rather than a MapLibre style JSON. */
export function isTileTemplate(url: string): boolean {
	return url.includes('{z}');
}

export const COLORS = {
	point: '#0b5cad',
	pointStroke: '#ffffff',
	approximateFill: 'rgba(11, 92, 173, 0.18)',
	selected: '#c2410c',
	clusterStroke: '#ffffff'
};

/** Cluster colour and radius (px) by point count: [minimum count, colour, radius]. */
export const CLUSTER_STEPS: [number, string, number][] = [
	[0, '#3b82c4', 13],
	[10, '#2563a8', 16],
	[100, '#1d4e89', 20],
	[1000, '#173d6b', 25],
	[10000, '#102a4c', 31]
];

export function clusterStep(count: number): { color: string; radius: number } {
	let step = CLUSTER_STEPS[0];
	for (const s of CLUSTER_STEPS) if (count >= s[0]) step = s;
	return { color: step[1], radius: step[2] };
}

export const POINT_RADIUS = 7;
export const SELECTED_RADIUS = 12;
