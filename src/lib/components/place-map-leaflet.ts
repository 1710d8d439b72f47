// The place picker's Leaflet side, loaded with Leaflet only when a picker is on the page
// (PlacePicker.svelte). A click on the map picks a point; the marker is a vector circle (no marker
// images), so the map takes clicks and shows the point on a plain background when tiles cannot load.
import type * as Leaflet from 'leaflet';

const SEOUL: [number, number] = [37.55, 126.99];
// A transparent pixel in place of a tile that failed, instead of a broken-image icon.
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface PickerMap {
	/** Marks the point and brings it into view (null: no point yet). */
	mark(point: { lat: number; lng: number } | null): void;
	remove(): void;
}

export function createPickerMap(
	L: typeof Leaflet,
	container: HTMLElement,
	handlers: { onPick: (lat: number, lng: number) => void; onTileError: () => void }
): PickerMap {
	const map = L.map(container, { center: SEOUL, zoom: 11, scrollWheelZoom: false, keyboard: false });
	const tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
		maxZoom: 19,
		errorTileUrl: BLANK_TILE,
		attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
	});
	tiles.on('tileerror', handlers.onTileError);
	tiles.addTo(map);
	let marker: Leaflet.CircleMarker | undefined;
	map.on('click', (e: Leaflet.LeafletMouseEvent) => handlers.onPick(e.latlng.lat, e.latlng.lng));

	return {
		mark(point) {
			marker?.remove();
			marker = undefined;
			if (!point) return;
			marker = L.circleMarker([point.lat, point.lng], {
				radius: 8,
				color: '#fff',
				weight: 2,
				fillColor: '#b5651d',
				fillOpacity: 0.95
			}).addTo(map);
			// Keep the zoom a person chose after a click; zoom in to an address found from the field.
			if (!map.getBounds().pad(-0.1).contains([point.lat, point.lng]) || map.getZoom() < 13)
				map.setView([point.lat, point.lng], Math.max(map.getZoom(), 15), { animate: false });
		},
		remove: () => map.remove()
	};
}

/**
 * A map that only shows a place (a request's delivery place on its page): the exact point as the
 * picker marks it, or an approximate one as a circle of about a kilometre. Not clickable, no scroll
 * zoom (the page scrolls over it); the zoom buttons stay.
 */
export function createViewMap(
	L: typeof Leaflet,
	container: HTMLElement,
	place: { lat: number; lng: number; exact: boolean },
	handlers: { onTileError: () => void }
): { remove(): void } {
	const map = L.map(container, { center: [place.lat, place.lng], zoom: place.exact ? 15 : 13, scrollWheelZoom: false, keyboard: false });
	const tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
		maxZoom: 19,
		errorTileUrl: BLANK_TILE,
		attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
	});
	tiles.on('tileerror', handlers.onTileError);
	tiles.addTo(map);
	if (place.exact)
		L.circleMarker([place.lat, place.lng], { radius: 8, color: '#fff', weight: 2, fillColor: '#b5651d', fillOpacity: 0.95 }).addTo(map);
	else L.circle([place.lat, place.lng], { radius: 700, color: '#b5651d', weight: 2, fillColor: '#b5651d', fillOpacity: 0.15 }).addTo(map);
	return { remove: () => map.remove() };
}
