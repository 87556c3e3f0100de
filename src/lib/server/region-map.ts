// The region choropleth shared by /wilayah and /wilayah/[code]: which metrics the map can
// colour by, how each is read from a ranking row and formatted, and which shapes to draw.
import type { I18n, MessageKey } from '$lib/i18n';
import { choropleth, type Choropleth } from './charts';
import type { RegionLevel } from '$lib/core/vocab';
import type { RegionRow } from './queries/regions';
import { provinceFeatures, regencyFeatures } from './topo';

export const MAP_METRICS = ['n', 'per100k', 'follow_up', 'comply3', 'comply5'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const DEFAULT_MAP_METRIC: MapMetric = 'per100k';

export const MAP_METRIC_LABEL: Record<MapMetric, MessageKey> = {
	n: 'regions.n',
	per100k: 'regions.per100k',
	follow_up: 'regions.followUp',
	comply3: 'regions.comply3',
	comply5: 'regions.comply5'
};
// A region outside the coverage has no value (hatched, "no data"), not a 0.
const metricValue: Record<MapMetric, (r: RegionRow) => number | null> = {
	n: (r) => (r.covered ? r.n : null),
	per100k: (r) => r.per100k,
	follow_up: (r) => r.followUpRate.value,
	comply3: (r) => r.comply3.value,
	comply5: (r) => r.comply5.value
};

/**
 * The map of the regions in `rows` (one level): every shape whose code is in `rows`, fitted to
 * them, each linking to its region page with `linkQuery` (the filters without the region).
 */
export function regionMap(rows: readonly RegionRow[], level: RegionLevel, metric: MapMetric, L: I18n, linkQuery: string): Choropleth {
	const codes = new Set(rows.map((r) => r.code));
	const features = (level === 'province' ? provinceFeatures() : regencyFeatures()).filter((f) => codes.has(f.id));
	const pct = metric === 'follow_up' || metric === 'comply3' || metric === 'comply5';
	return choropleth(features, new Map(rows.map((r) => [r.code, metricValue[metric](r)])), L, {
		ariaLabel: L.t(level === 'province' ? 'regions.mapLabel' : 'regions.mapLabelRegency', { metric: L.t(MAP_METRIC_LABEL[metric]) }),
		format: (v) => (pct ? L.pct(v) : metric === 'n' ? L.int(v) : L.dec1(v)),
		names: new Map(rows.map((r) => [r.code, r.name])),
		href: (code) => `/wilayah/${code}${linkQuery}`,
		// All of Indonesia is wide and low; one province may be tall (Banten, Maluku): a fixed
		// frame keeps it on screen, the shapes fitted inside.
		height: features.length === (level === 'province' ? 38 : 514) ? undefined : 440
	});
}
