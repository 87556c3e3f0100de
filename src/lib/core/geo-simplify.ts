// GeoJSON polygons → a small TopoJSON for server-rendered maps. Borders shared by two regions
// become one arc, so simplifying it moves both sides alike (no slivers or gaps between kab/kota).
// Steps: snap to a grid, drop islets below a minimum area (never a feature's largest polygon),
// cut rings into arcs at junctions, deduplicate arcs, Douglas–Peucker each arc with its ends
// fixed, re-orient rings the way d3-geo reads them (exteriors clockwise) and drop rings that
// collapsed. Output: quantized, delta-encoded arcs, as src/lib/server/topo.ts decodes.

type Pt = [number, number];
type Ring = Pt[];
export interface GeoFeature {
	properties: Record<string, unknown>;
	geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface SimplifyOptions {
	/** grid step in degrees (coordinates are snapped to it); 1e-4 keeps 4-decimal sources exact */
	grid: number;
	/** Douglas–Peucker tolerance in degrees */
	tolerance: number;
	/** polygons whose exterior is smaller than this (square degrees) are dropped, except each feature's largest */
	minArea: number;
	/** property used as the geometry id */
	idProperty: string;
	/** TopoJSON object name */
	object: string;
}
export interface Topology {
	type: 'Topology';
	transform: { scale: Pt; translate: Pt };
	objects: Record<
		string,
		{ type: 'GeometryCollection'; geometries: { type: 'Polygon' | 'MultiPolygon'; id: string; arcs: number[][] | number[][][] }[] }
	>;
	arcs: Pt[][];
}

/** Planar signed area (x east, y north): negative for clockwise rings. Closed rings. */
export function ringArea(r: readonly Pt[]): number {
	let s = 0;
	for (let i = 0; i + 1 < r.length; i++) s += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
	return s / 2;
}

/** Even–odd point-in-ring test. */
function inside(p: Pt, ring: readonly Pt[]): boolean {
	let c = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i]!;
		const [xj, yj] = ring[j]!;
		if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
	}
	return c;
}

function segDist2(p: Pt, a: Pt, b: Pt): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len = dx * dx + dy * dy;
	const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
	const x = a[0] + t * dx - p[0];
	const y = a[1] + t * dy - p[1];
	return x * x + y * y;
}

/** Douglas–Peucker keeping both ends. A closed line is split at its farthest point, and keeps
 * at least four points (a triangle) so an island survives as a shape. */
export function simplifyLine(line: readonly Pt[], tolerance: number): Pt[] {
	const n = line.length;
	if (n <= 2) return [...line];
	const keep = new Uint8Array(n);
	keep[0] = keep[n - 1] = 1;
	const tol2 = tolerance * tolerance;
	const mark = (lo: number, hi: number, force: boolean) => {
		let best = -1;
		let far = -1;
		for (let i = lo + 1; i < hi; i++) {
			const d = segDist2(line[i]!, line[lo]!, line[hi]!);
			if (d > far) {
				far = d;
				best = i;
			}
		}
		if (best < 0 || (!force && far <= tol2)) return;
		keep[best] = 1;
		mark(lo, best, false);
		mark(best, hi, false);
	};
	const closed = line[0]![0] === line[n - 1]![0] && line[0]![1] === line[n - 1]![1];
	if (closed) {
		// Farthest point from the start, then the farthest from that chord on each side.
		let best = 1;
		let far = -1;
		for (let i = 1; i < n - 1; i++) {
			const d = segDist2(line[i]!, line[0]!, line[0]!);
			if (d > far) {
				far = d;
				best = i;
			}
		}
		keep[best] = 1;
		mark(0, best, true);
		mark(best, n - 1, true);
	} else mark(0, n - 1, false);
	return line.filter((_, i) => keep[i]);
}

const key = (p: Pt) => `${p[0]},${p[1]}`;

export function simplifyToTopology(features: readonly GeoFeature[], o: SimplifyOptions): Topology {
	const snap = (c: number[]): Pt => [Math.round(c[0]! / o.grid), Math.round(c[1]! / o.grid)];
	const cellArea = o.grid * o.grid;
	// 1. Snap, drop repeated points and islets.
	const shapes = features.map((f) => {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		const snapped = polys
			.map((p) =>
				p
					.map((r) => {
						const out: Ring = [];
						for (const c of r) {
							const q = snap(c);
							const last = out.at(-1);
							if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
						}
						if (out.length && key(out[0]!) !== key(out.at(-1)!)) out.push(out[0]!);
						return out;
					})
					.filter((r) => r.length >= 4)
			)
			.filter((p) => p.length > 0);
		// Some sources list islands as extra rings of one polygon: a "hole" outside its exterior
		// is its own polygon.
		const split = snapped.flatMap((p) => {
			const [outer, ...rest] = p;
			const holes = rest.filter((r) => inside(r[0]!, outer!));
			return [[outer!, ...holes], ...rest.filter((r) => !holes.includes(r)).map((r) => [r])];
		});
		// Largest polygon first: it is always kept (and never left to collapse, see step 5).
		const sized = split.map((p) => ({ p, area: Math.abs(ringArea(p[0]!)) * cellArea })).sort((a, b) => b.area - a.area);
		return { id: String(f.properties[o.idProperty]), polys: sized.filter((x, i) => i === 0 || x.area >= o.minArea).map((x) => x.p) };
	});

	// 2. Junctions: points whose neighbours differ between their occurrences.
	const seen = new Map<string, string>();
	const junction = new Set<string>();
	for (const s of shapes)
		for (const p of s.polys)
			for (const r of p)
				for (let i = 0; i < r.length - 1; i++) {
					const prev = key(r[i === 0 ? r.length - 2 : i - 1]!);
					const next = key(r[i + 1]!);
					const pair = prev < next ? `${prev}|${next}` : `${next}|${prev}`;
					const k = key(r[i]!);
					const had = seen.get(k);
					if (had === undefined) seen.set(k, pair);
					else if (had !== pair) junction.add(k);
				}

	// 3. Cut rings at junctions into arcs; identical arcs (either direction) are stored once.
	const arcs: Pt[][] = [];
	const index = new Map<string, number>();
	const arcId = (line: Pt[]): number => {
		const fwd = line.map(key).join(';');
		const found = index.get(fwd);
		if (found !== undefined) return found;
		const rev = index.get([...line].reverse().map(key).join(';'));
		if (rev !== undefined) return ~rev;
		arcs.push(line);
		index.set(fwd, arcs.length - 1);
		return arcs.length - 1;
	};
	const ringArcs = (r: Ring): number[] => {
		const open = r.slice(0, -1);
		let start = open.findIndex((p) => junction.has(key(p)));
		if (start < 0) {
			// An island or enclave: one closed arc, rotated to its smallest point so both sides of
			// a shared ring (an enclave and the hole around it) find the same arc.
			start = open.reduce((m, p, i) => (key(p) < key(open[m]!) ? i : m), 0);
			const rot = [...open.slice(start), ...open.slice(0, start)];
			return [arcId([...rot, rot[0]!])];
		}
		const rot = [...open.slice(start), ...open.slice(0, start), open[start]!];
		const ids: number[] = [];
		let from = 0;
		for (let i = 1; i < rot.length; i++) {
			if (i === rot.length - 1 || junction.has(key(rot[i]!))) {
				ids.push(arcId(rot.slice(from, i + 1)));
				from = i;
			}
		}
		return ids;
	};
	const topoShapes = shapes.map((s) => ({ id: s.id, polys: s.polys.map((p) => p.map(ringArcs)) }));

	// 4. Simplify every arc once (tolerance in grid units).
	const simple = arcs.map((a) => simplifyLine(a, o.tolerance / o.grid));
	const ringPoints = (ids: number[]): Ring => {
		const out: Ring = [];
		ids.forEach((i, k) => {
			const a = i < 0 ? [...simple[~i]!].reverse() : simple[i]!;
			out.push(...(k === 0 ? a : a.slice(1)));
		});
		return out;
	};
	const reverse = (ids: number[]) => [...ids].reverse().map((i) => ~i);
	// A small kab/kota bounded by two junctions could simplify to a line: its main ring keeps
	// its arcs unsimplified (its neighbours share those arcs, so they stay consistent).
	for (const s of topoShapes) {
		const main = s.polys[0]?.[0];
		if (main && ringArea(ringPoints(main)) === 0) for (const i of main) simple[i < 0 ? ~i : i] = arcs[i < 0 ? ~i : i]!;
	}

	// 5. Orient (exterior clockwise, holes counter-clockwise) and drop collapsed rings.
	const used = new Set<number>();
	const geometries = topoShapes.map((s) => {
		const polys = s.polys
			.map((p) =>
				p
					.map((ids, ri) => {
						const a = ringArea(ringPoints(ids));
						if (a === 0) return null;
						return (ri === 0) === a > 0 ? reverse(ids) : ids;
					})
					.filter((ids, ri, all): ids is number[] => ids !== null && all[0] !== null)
			)
			.filter((p) => p.length > 0);
		for (const p of polys) for (const r of p) for (const i of r) used.add(i < 0 ? ~i : i);
		if (polys.length === 0) throw new Error(`feature ${s.id} collapsed entirely: lower the tolerance`);
		return polys.length === 1
			? { type: 'Polygon' as const, id: s.id, arcs: polys[0]! }
			: { type: 'MultiPolygon' as const, id: s.id, arcs: polys };
	});

	// 6. Renumber the arcs still used and delta-encode them.
	const renumber = new Map<number, number>();
	const out: Pt[][] = [];
	for (let i = 0; i < simple.length; i++) {
		if (!used.has(i)) continue;
		renumber.set(i, out.length);
		let px = 0;
		let py = 0;
		out.push(
			simple[i]!.map(([x, y]) => {
				const d: Pt = [x - px, y - py];
				px = x;
				py = y;
				return d;
			})
		);
	}
	const re = (i: number) => (i < 0 ? ~renumber.get(~i)! : renumber.get(i)!);
	for (const g of geometries) {
		if (g.type === 'Polygon') g.arcs = (g.arcs as number[][]).map((r) => r.map(re));
		else g.arcs = (g.arcs as number[][][]).map((p) => p.map((r) => r.map(re)));
	}
	return {
		type: 'Topology',
		transform: { scale: [o.grid, o.grid], translate: [0, 0] },
		objects: { [o.object]: { type: 'GeometryCollection', geometries } },
		arcs: out
	};
}
