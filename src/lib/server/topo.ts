// A minimal TopoJSON → GeoJSON decoder (quantized, delta-encoded arcs; Polygon and
// MultiPolygon geometries), enough for the two maps in data/reference/: the 38 provinces and the
// 514 kab/kota (built by pipelines/geo/cli.ts). Written here instead of adding topojson-client:
// ~40 lines, no new dependency.
import provinceText from '../../../data/reference/indonesia-38-provinces.topo.json?raw';
import kabkotaText from '../../../data/reference/indonesia-514-kabkota.topo.json?raw';

type Pos = [number, number];
interface Topology {
	arcs: Pos[][];
	transform?: { scale: Pos; translate: Pos };
	objects: Record<string, { geometries: { type: string; arcs: unknown; id?: string; properties?: Record<string, unknown> }[] }>;
}
export interface Feature {
	type: 'Feature';
	id: string;
	properties: Record<string, unknown>;
	geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

function decodeArcs(topo: Topology): Pos[][] {
	const t = topo.transform;
	return topo.arcs.map((arc) => {
		let x = 0;
		let y = 0;
		return arc.map(([dx, dy]) => {
			if (!t) return [dx, dy] as Pos;
			x += dx;
			y += dy;
			return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Pos;
		});
	});
}

function toFeatures(topo: Topology, object: string): Feature[] {
	const arcs = decodeArcs(topo);
	const ring = (ids: number[]) => {
		const out: Pos[] = [];
		ids.forEach((i, k) => {
			const a = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
			out.push(...(k === 0 ? a : a.slice(1)));
		});
		// Kept as written: the source's rings already wind the way d3-geo expects (clockwise
		// exteriors); reversing them fills the whole sphere instead.
		return out;
	};
	const polygon = (rings: number[][]) => rings.map(ring);
	return topo.objects[object]!.geometries.map((g) => ({
		type: 'Feature',
		id: String(g.id ?? g.properties?.KODE_PROV ?? ''),
		properties: g.properties ?? {},
		geometry:
			g.type === 'Polygon'
				? { type: 'Polygon', coordinates: polygon(g.arcs as number[][]) }
				: { type: 'MultiPolygon', coordinates: (g.arcs as number[][][]).map(polygon) }
	}));
}

let provinces: Feature[] | undefined;
let regencies: Feature[] | undefined;
/** The 38 provinces as GeoJSON features, id = Kemendagri province code ('36'). */
export function provinceFeatures(): Feature[] {
	provinces ??= toFeatures(JSON.parse(provinceText) as Topology, 'indonesia-38-prov-topo');
	return provinces;
}
/** The 514 kab/kota as GeoJSON features, id = Kemendagri code ('36.03'). */
export function regencyFeatures(): Feature[] {
	// 'kabkota': the TopoJSON object's name in the file (data/reference/README.md).
	regencies ??= toFeatures(JSON.parse(kabkotaText) as Topology, 'kabkota');
	return regencies;
}
