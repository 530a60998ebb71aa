/**
 * The supercluster index both renderers draw from. Plain classes over flat arrays, so the same
 * code runs in the cluster worker and, as a fallback, on the main thread.
 */
import Supercluster, { type PointFeature } from 'supercluster';

/** Cluster radius in px of a 512-px tile (MapLibre's zoom); Leaflet queries one zoom lower. */
export const CLUSTER_RADIUS = 50;
/** Above this (MapLibre) zoom every place is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 14;
/** From this many places, the first view is served by a quick index built for its zoom only. */
export const COARSE_MIN_POINTS = 50_000;
/**
 * Query results: [lon, lat, count, ref] per item. ref is the place's index when count is 1,
 * else a cluster ref for expansionZoom (negative: a cluster of the quick first-view index).
 */
export const STRIDE = 4;

export type BBox = [west: number, south: number, east: number, north: number];

class Level {
	readonly index: Supercluster<{ i: number }>;
	constructor(points: PointFeature<{ i: number }>[], readonly maxZoom: number) {
		this.index = new Supercluster<{ i: number }>({ radius: CLUSTER_RADIUS, maxZoom }).load(points);
	}

	query(bbox: BBox, zoom: number, coarse: boolean): Float64Array {
		const items = this.index.getClusters(bbox, zoom);
		const out = new Float64Array(items.length * STRIDE);
		items.forEach((f, k) => {
			const p = f.properties as { i?: number; cluster_id?: number; point_count?: number };
			out[k * STRIDE] = f.geometry.coordinates[0];
			out[k * STRIDE + 1] = f.geometry.coordinates[1];
			out[k * STRIDE + 2] = p.point_count ?? 1;
			out[k * STRIDE + 3] = p.point_count ? (coarse ? -1 - p.cluster_id! : p.cluster_id!) : p.i!;
		});
		return out;
	}
}

/**
 * Supercluster's full hierarchy (zoom 0–14) takes ~0.7 s for 300k places on a slow machine.
 * For many places, the first query instead builds a hierarchy that stops at the first view's
 * zoom (~0.2 s), and the full one follows with complete() once the map is drawn (or when a
 * deeper zoom is asked for).
 */
export class ClusterCore {
	private points: PointFeature<{ i: number }>[];
	private coarse: Level | null = null;
	private full: Level | null = null;

	/** coords: [lon0, lat0, lon1, lat1, …] in the order of the places. */
	constructor(coords: Float64Array) {
		const n = coords.length / 2;
		this.points = new Array(n);
		for (let i = 0; i < n; i++) {
			this.points[i] = {
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [coords[2 * i], coords[2 * i + 1]] },
				properties: { i }
			};
		}
	}

	query(bbox: BBox, zoom: number): Float64Array {
		const z = Math.max(0, Math.floor(zoom));
		if (!this.full && !this.coarse && this.points.length >= COARSE_MIN_POINTS && z < CLUSTER_MAX_ZOOM) {
			this.coarse = new Level(this.points, z);
		}
		if (!this.full && this.coarse && z <= this.coarse.maxZoom) return this.coarse.query(bbox, zoom, true);
		return this.complete().query(bbox, zoom, false);
	}

	/** The (MapLibre) zoom at which a cluster splits. */
	expansionZoom(ref: number): number {
		return ref < 0 ? this.coarse!.index.getClusterExpansionZoom(-1 - ref) : this.complete().index.getClusterExpansionZoom(ref);
	}

	complete(): Level {
		return (this.full ??= new Level(this.points, CLUSTER_MAX_ZOOM));
	}
}
