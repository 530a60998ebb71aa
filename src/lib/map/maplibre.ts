/**
 * MapLibre GL renderer. Clusters come from our supercluster index (cluster.ts, in a worker) for
 * the current view only, so MapLibre draws a few hundred circles however many places there are
 * (its own `cluster: true` source took 3.3 s to idle for 300k places; see bench/map.ts).
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Vite does not emit MapLibre's worker by itself (STACK §4 trap 3).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { ClusterIndex, paddedBBox, placeCoords, placesBounds, type ClusterItem } from './cluster';
import { inlineStyle, placeLayers, placesData, placesSource } from './maplibre-style';
import * as theme from './theme';
import type { MapRenderer, PlaceCollection, PlaceFeature, RendererOptions } from './types';

maplibregl.setWorkerUrl(workerUrl);

const JAPAN: [[number, number], [number, number]] = [
	[122.9, 24.0],
	[146.0, 45.6]
];
const FIT = { padding: 40, maxZoom: 15 };

export function createMapLibre(el: HTMLElement, opts: RendererOptions): MapRenderer {
	const template = opts.styleUrl && theme.isTileTemplate(opts.styleUrl) ? opts.styleUrl : null;
	const styleJson = opts.styleUrl && !template ? opts.styleUrl : null;
	const fallbackStyle = () => inlineStyle(template ?? theme.GSI_PALE_TILES, opts.attribution ?? (template ? '' : theme.GSI_ATTRIBUTION));
	let coords = placeCoords(opts.places);
	let index = new ClusterIndex(opts.places, coords);
	let fitted = !!opts.center || coords.length > 0;
	const map = new maplibregl.Map({
		container: el,
		style: styleJson ?? fallbackStyle(),
		// `zoom` is an XYZ (256-px tile) level; MapLibre's zoom counts 512-px tiles
		...(opts.center
			? { center: opts.center, zoom: (opts.zoom ?? 14) - 1 }
			: { bounds: placesBounds(coords) ?? JAPAN, fitBoundsOptions: FIT }),
		maxZoom: theme.MAP_MAX_ZOOM,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false
	});
	// One landmark: MapView's container is the region; the focusable canvas (MapLibre makes it a
	// second region named "Map") only carries the page's label.
	map.getCanvas().removeAttribute('role');
	map.getCanvas().setAttribute('aria-label', opts.label);
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

	let items: ClusterItem[] | null = null; // the current view's clusters, once known
	let selected: PlaceFeature | null = null;
	let seq = 0;
	let destroyed = false;
	let drawn!: () => void;
	const firstDraw = new Promise<void>((resolve) => (drawn = resolve));
	const onError = (e: unknown) => console.error('[map]', e);
	const source = () => map.getSource<GeoJSONSource>('places');

	/** Pushes clusters + selection to the source; before the style has loaded, 'style.load' does. */
	async function render(): Promise<void> {
		const places = source();
		if (!places || !items) return;
		await places.setData(placesData(items, selected));
		drawn();
	}

	map.on('style.load', () => {
		// a style JSON from styleUrl: our source and layers go on top, after every style load
		if (!source()) {
			map.addSource('places', placesSource());
			for (const layer of placeLayers()) map.addLayer(layer);
		}
		render().catch(onError);
	});
	let styleFallback = !!styleJson;
	map.on('error', (e) => {
		if ('sourceId' in e) return; // a basemap tile failed (offline, tests): the background shows
		if (styleFallback && !map.isStyleLoaded()) {
			styleFallback = false; // that style JSON could not be fetched: use the inline style
			map.setStyle(fallbackStyle(), { diff: false });
		} else onError(e.error);
	});

	async function refresh(): Promise<void> {
		const mine = ++seq;
		const b = map.getBounds();
		const result = await index.query(paddedBBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), map.getZoom());
		if (!result || mine !== seq || destroyed) return; // replaced by a newer query or new places
		items = result;
		await render();
	}

	/** Resolves at an 'idle' with our source loaded. */
	function idle(): Promise<void> {
		return new Promise((resolve) => {
			const check = () => (destroyed || (source() && map.isSourceLoaded('places')) ? resolve() : map.once('idle', check));
			map.once('idle', check);
			map.triggerRepaint();
		});
	}

	map.on('moveend', () => void refresh().catch(onError));
	map.on('click', 'place-points', (e: MapLayerMouseEvent) => {
		const id = e.features?.[0]?.properties?.id;
		if (typeof id === 'string') opts.onselect?.(id);
	});
	map.on('click', 'place-clusters', (e: MapLayerMouseEvent) => {
		const f = e.features?.[0];
		if (f?.geometry.type !== 'Point') return;
		const center = f.geometry.coordinates as [number, number];
		void index
			.expansionZoom(Number(f.properties.cluster_id))
			.catch(() => null)
			.then((zoom) => map.easeTo({ center, zoom: Math.min(zoom ?? map.getZoom() + 2, theme.MAP_MAX_ZOOM) }));
	});
	for (const layer of ['place-points', 'place-clusters']) {
		map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
	}

	function select(id: string | null, force = false): void {
		if (!force && id === (selected?.properties.id ?? null)) return;
		selected = (id && index.find(id)) || null;
		render().catch(onError);
		const at = selected?.geometry.coordinates as [number, number] | undefined;
		if (at && !map.getBounds().contains(at)) map.easeTo({ center: at });
	}

	refresh().catch(onError);
	if (opts.selectedId) select(opts.selectedId);

	return {
		kind: 'maplibre',
		ready: firstDraw.then(idle).then(() => index.complete()),
		resize() {
			map.resize();
		},
		async setPlaces(places: PlaceCollection) {
			index.destroy();
			coords = placeCoords(places);
			index = new ClusterIndex(places, coords);
			const bounds = placesBounds(coords);
			if (!fitted && bounds) map.fitBounds(bounds, { ...FIT, animate: false });
			fitted ||= !!bounds;
			select(selected?.properties.id ?? null, true); // the same id, looked up in the new places
			await refresh();
			await idle();
			index.complete();
		},
		select,
		destroy() {
			destroyed = true;
			index.destroy();
			map.remove();
		}
	};
}
