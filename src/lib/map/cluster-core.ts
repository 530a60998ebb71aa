/**
 * The supercluster index both renderers draw from. Plain functions over flat arrays, so the
 * same code runs in the cluster worker and, as a fallback, on the main thread.
 */
import Supercluster, { type PointFeature } from 'supercluster';

/** Cluster radius in px of a 512-px tile (MapLibre's zoom); Leaflet queries one zoom lower. */
export const CLUSTER_RADIUS = 45;
/** Above this (MapLibre) zoom every place is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 14;
/** Query results: [lon, lat, count, ref] per item; ref is the place index (count 1) or cluster_id. */
export const STRIDE = 4;

export type BBox = [west: number, south: number, east: number, north: number];

export interface ClusterCore {
	query(bbox: BBox, zoom: number): Float64Array;
	expansionZoom(clusterId: number): number;
}

/** coords: [lon0, lat0, lon1, lat1, …] in the order of the places. */
export function buildIndex(coords: Float64Array): ClusterCore {
	const n = coords.length / 2;
	const points = new Array<PointFeature<{ i: number }>>(n);
	for (let i = 0; i < n; i++) {
		points[i] = {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [coords[2 * i], coords[2 * i + 1]] },
			properties: { i }
		};
	}
	const index = new Supercluster<{ i: number }>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM }).load(points);
	return {
		query(bbox, zoom) {
			const items = index.getClusters(bbox, zoom);
			const out = new Float64Array(items.length * STRIDE);
			items.forEach((f, k) => {
				const p = f.properties as { i?: number; cluster_id?: number; point_count?: number };
				out[k * STRIDE] = f.geometry.coordinates[0];
				out[k * STRIDE + 1] = f.geometry.coordinates[1];
				out[k * STRIDE + 2] = p.point_count ?? 1;
				out[k * STRIDE + 3] = p.point_count ? p.cluster_id! : p.i!;
			});
			return out;
		},
		expansionZoom: (clusterId) => index.getClusterExpansionZoom(clusterId)
	};
}
