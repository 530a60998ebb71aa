/**
 * Clusters for the current view, computed in a worker (the main thread stays free while
 * MapLibre or Leaflet starts); falls back to the main thread if the worker cannot start.
 */
import ClusterWorker from './cluster.worker?worker';
import { ClusterCore, placeCoords, STRIDE, type BBox } from './cluster-core';
import type { PlaceCollection, PlaceFeature } from './types';

export { CLUSTER_MAX_ZOOM, paddedBBox, placeCoords, placesBounds, type BBox } from './cluster-core';

export type WorkerRequest =
	| { type: 'load'; coords: Float64Array }
	| { type: 'complete' }
	| { type: 'query'; id: number; bbox: BBox; zoom: number }
	| { type: 'expand'; id: number; clusterId: number };
type Query = Extract<WorkerRequest, { id: number }>;
export type WorkerResponse = { id: number; items?: Float64Array; zoom?: number; error?: string };

/** One item of a query result, decoded. */
export type ClusterItem =
	| { kind: 'cluster'; lon: number; lat: number; count: number; clusterId: number }
	| { kind: 'place'; lon: number; lat: number; place: PlaceFeature };

export class ClusterIndex {
	readonly places: PlaceCollection;
	private coords: Float64Array;
	private worker: Worker | null = null;
	private local: ClusterCore | null = null;
	private pending = new Map<number, { resolve: (r: WorkerResponse | null) => void; request: Query }>();
	private destroyed = false;
	private nextId = 1;

	constructor(places: PlaceCollection, coords = placeCoords(places)) {
		this.places = places;
		this.coords = coords;
		try {
			this.worker = new ClusterWorker({ name: 'place-clusters' });
			this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.settle(e.data);
			this.worker.onerror = () => this.fallBack();
			this.worker.postMessage({ type: 'load', coords } satisfies WorkerRequest);
		} catch {
			this.fallBack();
		}
	}

	/** Clusters and single places in bbox at a (MapLibre) zoom; null once this index is destroyed. */
	async query(bbox: BBox, zoom: number): Promise<ClusterItem[] | null> {
		const r = await this.request({ type: 'query', id: this.nextId++, bbox, zoom });
		if (!r) return null;
		const items = r.items!;
		const out: ClusterItem[] = new Array(items.length / STRIDE);
		for (let k = 0, j = 0; j < items.length; k++, j += STRIDE) {
			const lon = items[j],
				lat = items[j + 1],
				count = items[j + 2],
				ref = items[j + 3];
			out[k] =
				count > 1 ? { kind: 'cluster', lon, lat, count, clusterId: ref } : { kind: 'place', lon, lat, place: this.places.features[ref] };
		}
		return out;
	}

	/** The (MapLibre) zoom at which a cluster splits; null once this index is destroyed. */
	async expansionZoom(clusterId: number): Promise<number | null> {
		return (await this.request({ type: 'expand', id: this.nextId++, clusterId }))?.zoom ?? null;
	}

	/** Build the full hierarchy now (call once the first view is drawn). */
	complete(): void {
		if (this.worker) this.worker.postMessage({ type: 'complete' } satisfies WorkerRequest);
		else setTimeout(() => this.local?.complete(), 0);
	}

	find(id: string): PlaceFeature | undefined {
		return this.places.features.find((f) => f.properties.id === id);
	}

	/** Stops the worker; what is still waiting resolves to null. */
	destroy(): void {
		this.destroyed = true;
		this.worker?.terminate();
		this.worker = null;
		for (const { resolve } of this.pending.values()) resolve(null);
		this.pending.clear();
	}

	private request(m: Query): Promise<WorkerResponse | null> {
		return new Promise<WorkerResponse | null>((resolve) => {
			if (this.destroyed) return resolve(null);
			if (this.local) return resolve(this.answerLocally(m));
			this.pending.set(m.id, { resolve, request: m });
			this.worker!.postMessage(m);
		}).then((r) => (r?.error ? Promise.reject(new Error(r.error)) : r));
	}

	private settle(r: WorkerResponse): void {
		const p = this.pending.get(r.id);
		this.pending.delete(r.id);
		p?.resolve(r);
	}

	/** Worker unavailable: build the same index here and answer what is waiting. */
	private fallBack(): void {
		if (this.destroyed) return;
		this.worker?.terminate();
		this.worker = null;
		this.local ??= new ClusterCore(this.coords);
		for (const { request } of this.pending.values()) this.settle(this.answerLocally(request));
	}

	private answerLocally(m: Query): WorkerResponse {
		try {
			return m.type === 'query'
				? { id: m.id, items: this.local!.query(m.bbox, m.zoom) }
				: { id: m.id, zoom: this.local!.expansionZoom(m.clusterId) };
		} catch (e) {
			return { id: m.id, error: String(e) };
		}
	}
}
