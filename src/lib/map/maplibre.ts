/**
 * MapLibre GL renderer. Clusters come from our supercluster index (cluster.ts, in a worker) for
 * the current view only, so MapLibre draws a few hundred circles however many places there are.
 * Circle layers only: text would need a glyphs URL, which we do not have offline.
 */
import * as maplibregl from 'maplibre-gl';
import type {
	ExpressionSpecification,
	GeoJSONSource,
	LayerSpecification,
	MapLayerMouseEvent,
	SourceSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
// Vite does not emit MapLibre's worker by itself (STACK §4 trap 3).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { ClusterIndex, paddedBBox, placeCoords, placesBounds, type ClusterItem } from './cluster';
import * as theme from './theme';
import type { MapRenderer, PlaceCollection, RendererOptions } from './types';

maplibregl.setWorkerUrl(workerUrl);

const JAPAN: [[number, number], [number, number]] = [[122.9, 24.0], [146.0, 45.6]];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** ['step', point_count, …] over CLUSTER_STEPS: column 1 is the colour, 2 the radius. */
function byCount(column: 1 | 2): ExpressionSpecification {
	const [first, ...rest] = theme.CLUSTER_STEPS;
	return ['step', ['get', 'point_count'], first[column], ...rest.flatMap((s) => [s[0], s[column]])] as ExpressionSpecification;
}

const approximate: ExpressionSpecification = ['boolean', ['get', 'approximate'], false];

function placeSources(): Record<string, SourceSpecification> {
	return { places: { type: 'geojson', data: EMPTY }, selected: { type: 'geojson', data: EMPTY } };
}

function placeLayers(): LayerSpecification[] {
	const { COLORS } = theme;
	return [
		{
			id: 'place-clusters', type: 'circle', source: 'places', filter: ['has', 'point_count'],
			paint: {
				'circle-color': byCount(1), 'circle-radius': byCount(2), 'circle-opacity': 0.92,
				'circle-stroke-color': COLORS.clusterStroke, 'circle-stroke-width': 2
			}
		},
		{
			id: 'place-points', type: 'circle', source: 'places', filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-radius': ['case', approximate, theme.POINT_RADIUS + 2, theme.POINT_RADIUS],
				'circle-color': ['case', approximate, COLORS.approximateFill, COLORS.point],
				'circle-stroke-color': ['case', approximate, COLORS.point, COLORS.pointStroke],
				'circle-stroke-width': 2
			}
		},
		{
			id: 'place-selected', type: 'circle', source: 'selected',
			paint: {
				'circle-radius': theme.SELECTED_RADIUS, 'circle-color': 'rgba(0, 0, 0, 0)',
				'circle-stroke-color': theme.COLORS.selected, 'circle-stroke-width': 4
			}
		}
	];
}

/** Background + raster basemap + our sources, inline: nothing to fetch before the places draw. */
function inlineStyle(opts: RendererOptions): StyleSpecification {
	const custom = opts.styleUrl && theme.isTileTemplate(opts.styleUrl);
	return {
		version: 8,
		sources: {
			basemap: {
				type: 'raster', tileSize: 256, maxzoom: theme.BASEMAP_MAX_ZOOM,
				tiles: [custom ? opts.styleUrl! : theme.GSI_PALE_TILES],
				attribution: custom ? (opts.attribution ?? '') : (opts.attribution ?? theme.GSI_ATTRIBUTION)
			},
			...placeSources()
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': theme.BACKGROUND } },
			{ id: 'basemap', type: 'raster', source: 'basemap' },
			...placeLayers()
		]
	};
}

function toGeoJSON(items: ClusterItem[]): FeatureCollection {
	const features = items.map((it): Feature<Point> =>
		it.kind === 'place'
			? it.place
			: { type: 'Feature', geometry: { type: 'Point', coordinates: [it.lon, it.lat] }, properties: { point_count: it.count, cluster_id: it.clusterId } }
	);
	return { type: 'FeatureCollection', features };
}

export function createMapLibre(el: HTMLElement, opts: RendererOptions): MapRenderer {
	const styleJson = opts.styleUrl && !theme.isTileTemplate(opts.styleUrl) ? opts.styleUrl : null;
	let coords = placeCoords(opts.places);
	let index = new ClusterIndex(opts.places, coords);
	let fitted = !!opts.center || coords.length > 0;
	const map = new maplibregl.Map({
		container: el,
		style: styleJson ?? inlineStyle(opts),
		...(opts.center
			? { center: opts.center, zoom: (opts.zoom ?? 14) - 1 } // zoom is the XYZ (256-px tile) level
			: { bounds: placesBounds(coords) ?? JAPAN, fitBoundsOptions: { padding: 40, maxZoom: 15 } }),
		maxZoom: theme.MAP_MAX_ZOOM,
		dragRotate: false, pitchWithRotate: false, touchPitch: false
	});
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

	let data = EMPTY;
	let selection = EMPTY;
	let selectedId: string | null = null;
	let seq = 0;
	let destroyed = false;
	let drawn: () => void;
	const firstDraw = new Promise<void>((resolve) => (drawn = resolve));

	const source = (id: 'places' | 'selected') => map.getSource<GeoJSONSource>(id);

	const onError = (e: unknown) => console.error('[map] clusters failed', e);

	/** Draws query results; before the style has loaded, 'style.load' draws them. */
	async function show(fc: FeatureCollection): Promise<void> {
		data = fc;
		const places = source('places');
		if (!places) return;
		await places.setData(fc);
		drawn();
	}

	// A style JSON from styleUrl: add our sources and layers on top, after every style load.
	// Either way, data that came before the style is pushed now.
	map.on('style.load', () => {
		if (!source('places')) {
			for (const [id, spec] of Object.entries(placeSources())) map.addSource(id, spec);
			for (const layer of placeLayers()) map.addLayer(layer);
		}
		if (data !== EMPTY) show(data).catch(onError);
		if (selection !== EMPTY) void source('selected')?.setData(selection);
	});
	// If that style cannot be fetched (offline), fall back to the inline one.
	map.on('error', (e) => {
		if (styleJson && !map.isStyleLoaded() && !('sourceId' in e)) map.setStyle(inlineStyle({ ...opts, styleUrl: undefined }));
	});

	async function refresh(): Promise<void> {
		const mine = ++seq;
		const b = map.getBounds();
		const items = await index.query(paddedBBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), map.getZoom());
		if (mine === seq && !destroyed) await show(toGeoJSON(items));
	}

	/** Resolves at the next 'idle' with our source loaded. */
	function idle(): Promise<void> {
		return new Promise((resolve) => {
			const check = () => (destroyed || (source('places') && map.isSourceLoaded('places')) ? resolve() : map.once('idle', check));
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
		if (!f || f.geometry.type !== 'Point') return;
		const center = f.geometry.coordinates as [number, number];
		index.expansionZoom(Number(f.properties.cluster_id))
			.catch(() => map.getZoom() + 2)
			.then((zoom) => map.easeTo({ center, zoom: Math.min(zoom, theme.MAP_MAX_ZOOM) }));
	});
	for (const layer of ['place-points', 'place-clusters']) {
		map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
	}

	function select(id: string | null): void {
		if (id === selectedId) return;
		selectedId = id;
		const place = id ? index.find(id) : undefined;
		selection = place ? { type: 'FeatureCollection', features: [place] } : EMPTY;
		void source('selected')?.setData(selection);
		if (place && !map.getBounds().contains(place.geometry.coordinates as [number, number])) {
			map.easeTo({ center: place.geometry.coordinates as [number, number] });
		}
	}

	refresh().catch(onError);
	if (opts.selectedId) select(opts.selectedId);

	return {
		kind: 'maplibre',
		ready: firstDraw.then(idle).then(() => index.complete()),
		async setPlaces(places: PlaceCollection) {
			index.destroy();
			coords = placeCoords(places);
			index = new ClusterIndex(places, coords);
			const bounds = placesBounds(coords);
			if (!fitted && bounds) {
				fitted = true;
				map.fitBounds(bounds, { padding: 40, maxZoom: 15, animate: false });
			}
			const keep = selectedId;
			selectedId = null;
			select(keep);
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
