/**
 * Leaflet renderer, for terminals without WebGL2. Clusters come from the same supercluster index
 * as MapLibre's (cluster.ts): badges with the count (L.divIcon) and plain canvas circle markers.
 * No Leaflet default marker images (they 404 in bundles).
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { ClusterIndex, paddedBBox, placeCoords, placesBounds, type ClusterItem } from './cluster';
import * as theme from './theme';
import type { MapRenderer, PlaceCollection, PlaceFeature, RendererOptions } from './types';

const JAPAN = L.latLngBounds([24.0, 122.9], [45.6, 146.0]);
const toLatLngBounds = (b: [[number, number], [number, number]]) => L.latLngBounds([b[0][1], b[0][0]], [b[1][1], b[1][0]]);
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
// The index's zooms are MapLibre's (512-px tiles); Leaflet's (256-px) are one higher.
const LEAFLET_OFFSET = 1;
const FIT: L.FitBoundsOptions = { padding: [40, 40], maxZoom: 16 };

export function createLeaflet(el: HTMLElement, opts: RendererOptions): MapRenderer {
	let coords = placeCoords(opts.places);
	let index = new ClusterIndex(opts.places, coords);
	let fitted = !!opts.center || coords.length > 0;
	const compact = new Intl.NumberFormat(document.documentElement.lang || 'ja', { notation: 'compact', maximumFractionDigits: 1 });

	const map = L.map(el, { maxZoom: theme.MAP_MAX_ZOOM, minZoom: 2, preferCanvas: true });
	el.style.background = theme.BACKGROUND;
	const template = opts.styleUrl && theme.isTileTemplate(opts.styleUrl) ? opts.styleUrl : null;
	// Tile errors (offline, tests) are harmless: the places draw over the background.
	L.tileLayer(template ?? theme.GSI_PALE_TILES, {
		attribution: template ? (opts.attribution ?? '') : (opts.attribution ?? theme.GSI_ATTRIBUTION),
		maxNativeZoom: theme.BASEMAP_MAX_ZOOM,
		maxZoom: theme.MAP_MAX_ZOOM
	}).addTo(map);
	const initialView = () => {
		if (opts.center) map.setView([opts.center[1], opts.center[0]], opts.zoom ?? 14);
		else {
			const b = placesBounds(coords);
			map.fitBounds(b ? toLatLngBounds(b) : JAPAN, { ...FIT, animate: false });
		}
	};
	initialView();
	// Created inside a hidden container (the phone's 「地図」 tab before it is tapped), the map has no
	// size: its first view is fitted again once it has one.
	let sized = el.clientWidth > 0 && el.clientHeight > 0;

	const layer = L.layerGroup().addTo(map);
	map.createPane('tmSelected').style.zIndex = '650';
	const ring = L.circleMarker([0, 0], {
		pane: 'tmSelected',
		interactive: false,
		fill: false,
		radius: theme.SELECTED_RADIUS,
		color: theme.COLORS.selected,
		weight: 4,
		opacity: 1
	});

	function clusterMarker(it: Extract<ClusterItem, { kind: 'cluster' }>): L.Layer {
		const { color, radius } = theme.clusterStep(it.count);
		const badge = document.createElement('span');
		badge.className = 'tm-cluster-badge';
		badge.style.background = color;
		badge.textContent = compact.format(it.count);
		badge.setAttribute('aria-hidden', 'true');
		const icon = L.divIcon({ html: badge, className: '', iconSize: [radius * 2, radius * 2] });
		return L.marker([it.lat, it.lon], { icon, keyboard: false }).on('click', () => {
			void index
				.expansionZoom(it.clusterId)
				.catch(() => null)
				.then((z) => map.setView([it.lat, it.lon], Math.min(z === null ? map.getZoom() + 2 : z + LEAFLET_OFFSET, theme.MAP_MAX_ZOOM)));
		});
	}

	function placeMarker(place: PlaceFeature): L.Layer {
		const [lon, lat] = place.geometry.coordinates;
		const approximate = !!place.properties.approximate;
		const { COLORS } = theme;
		return L.circleMarker([lat, lon], {
			radius: approximate ? theme.POINT_RADIUS + 2 : theme.POINT_RADIUS,
			color: approximate ? COLORS.point : COLORS.pointStroke,
			weight: 2,
			opacity: 1,
			dashArray: approximate ? '4 3' : undefined,
			fillColor: COLORS.point,
			fillOpacity: approximate ? 0.18 : 1,
			bubblingMouseEvents: false
		}).on('click', () => opts.onselect?.(place.properties.id));
	}

	let seq = 0;
	let destroyed = false;
	async function refresh(): Promise<boolean> {
		const mine = ++seq;
		const b = map.getBounds();
		const zoom = Math.max(0, map.getZoom() - LEAFLET_OFFSET);
		const items = await index.query(paddedBBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), zoom);
		if (!items || mine !== seq || destroyed) return false; // replaced by a newer query or new places
		layer.clearLayers();
		for (const it of items) layer.addLayer(it.kind === 'cluster' ? clusterMarker(it) : placeMarker(it.place));
		return true;
	}
	/** Markers added, then two frames so they are painted. */
	async function draw(): Promise<void> {
		while (!(await refresh()) && !destroyed);
		await nextFrame();
		await nextFrame();
	}

	let selected: PlaceFeature | null = null;
	function select(id: string | null, force = false): void {
		if (!force && id === (selected?.properties.id ?? null)) return;
		selected = (id && index.find(id)) || null;
		if (!selected) {
			ring.remove();
			return;
		}
		const latlng = L.latLng(selected.geometry.coordinates[1], selected.geometry.coordinates[0]);
		ring.setLatLng(latlng).addTo(map);
		if (!map.getBounds().contains(latlng)) map.panTo(latlng);
	}

	const onError = (e: unknown) => console.error('[map]', e);
	const ready = draw().then(() => index.complete());
	map.on('moveend', () => void refresh().catch(onError));
	if (opts.selectedId) select(opts.selectedId);

	return {
		kind: 'leaflet',
		ready,
		resize() {
			map.invalidateSize({ animate: false });
			if (!sized && el.clientWidth > 0 && el.clientHeight > 0) {
				sized = true;
				initialView();
			}
			void refresh().catch(onError);
		},
		async setPlaces(places: PlaceCollection) {
			index.destroy();
			coords = placeCoords(places);
			index = new ClusterIndex(places, coords);
			const b = placesBounds(coords);
			if (!fitted && b) map.fitBounds(toLatLngBounds(b), { ...FIT, animate: false });
			fitted ||= !!b;
			select(selected?.properties.id ?? null, true); // the same id, looked up in the new places
			await draw();
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
