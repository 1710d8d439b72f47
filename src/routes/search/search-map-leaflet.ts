// The map's Leaflet side: creating the map and drawing the results on it. Loaded together with Leaflet
// only when a map is shown (SearchMap.svelte), so the search page's list view carries none of it.
// Markers are vector circles (no marker images to resolve), so the map still shows every result on a
// plain background when the tiles cannot load (offline, tests).
import type * as Leaflet from 'leaflet';
import { m } from '$lib/paraglide/messages';

const SEOUL: [number, number] = [37.55, 126.99];
// A transparent pixel in place of a tile that failed, instead of a broken-image icon.
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface MapPoint {
	slug: string;
	name: string;
	detail: string;
	lat: number;
	lng: number;
}

export interface ResultsMap {
	show(points: MapPoint[], center: { lat: number; lng: number } | null, radiusKm: number | null): void;
	remove(): void;
}

/** Popup content built as DOM nodes: names come from users and are never parsed as HTML. */
function popup(point: MapPoint): HTMLElement {
	const box = document.createElement('div');
	const name = document.createElement('strong');
	name.textContent = point.name;
	const detail = document.createElement('div');
	detail.textContent = point.detail;
	const link = document.createElement('a');
	link.href = `/workshops/${encodeURIComponent(point.slug)}`;
	link.textContent = m.search_map_open();
	box.append(name, detail, link);
	return box;
}

export function createMap(L: typeof Leaflet, container: HTMLElement, onTileError: () => void): ResultsMap {
	const map = L.map(container, { center: SEOUL, zoom: 11, scrollWheelZoom: false });
	const tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
		maxZoom: 19,
		errorTileUrl: BLANK_TILE,
		attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
	});
	tiles.on('tileerror', onTileError);
	tiles.addTo(map);
	const overlay = L.layerGroup().addTo(map);

	return {
		show(points, center, radiusKm) {
			overlay.clearLayers();
			// Zoomed to the results (and the place they are measured from); the whole radius only when empty.
			const bounds = L.latLngBounds([]);
			if (center) {
				const at: [number, number] = [center.lat, center.lng];
				if (radiusKm) {
					const circle = L.circle(at, { radius: radiusKm * 1000, color: '#b5651d', weight: 2, fillOpacity: 0.06 });
					circle.addTo(overlay);
					if (points.length === 0) bounds.extend(circle.getBounds());
				}
				L.circleMarker(at, { radius: 6, color: '#b5651d', fillColor: '#fff', fillOpacity: 1, weight: 3 })
					.bindTooltip(m.search_map_center())
					.addTo(overlay);
				bounds.extend(at);
			}
			for (const point of points) {
				L.circleMarker([point.lat, point.lng], { radius: 8, color: '#fff', weight: 2, fillColor: '#1f4e79', fillOpacity: 0.9 })
					.bindPopup(popup(point))
					.bindTooltip(point.name)
					.addTo(overlay);
				bounds.extend([point.lat, point.lng]);
			}
			if (bounds.isValid()) map.fitBounds(bounds.pad(0.15), { maxZoom: 15, animate: false });
			else map.setView(SEOUL, 11, { animate: false });
		},
		remove: () => map.remove()
	};
}
