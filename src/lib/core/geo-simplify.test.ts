import { describe, expect, it } from 'vitest';
import { ringArea, simplifyLine, simplifyToTopology, type GeoFeature } from './geo-simplify';

const opts = { grid: 0.5, tolerance: 0.6, minArea: 1, idProperty: 'code', object: 'x' };
const poly = (code: string, ...rings: number[][][]): GeoFeature => ({
	properties: { code },
	geometry: { type: 'Polygon', coordinates: rings }
});
/** Rings of a decoded geometry, in grid units (the transform is scale = grid, translate 0). */
function rings(topo: ReturnType<typeof simplifyToTopology>, id: string): [number, number][][] {
	const arcs = topo.arcs.map((a) => {
		let x = 0;
		let y = 0;
		return a.map(([dx, dy]) => [(x += dx), (y += dy)] as [number, number]);
	});
	const g = topo.objects.x!.geometries.find((g) => g.id === id)!;
	const polys = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
	return polys.flat().map((ids) => ids.flatMap((i, k) => (i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!).slice(k === 0 ? 0 : 1)));
}

describe('simplifyLine', () => {
	it('keeps the ends and drops points within the tolerance', () => {
		expect(
			simplifyLine(
				[
					[0, 0],
					[1, 0.1],
					[2, 0],
					[3, 5],
					[4, 0]
				],
				0.5
			)
		).toEqual([
			[0, 0],
			[2, 0],
			[3, 5],
			[4, 0]
		]);
	});
	it('keeps a closed ring a triangle at least', () => {
		const circle = Array.from(
			{ length: 17 },
			(_, i) => [Math.cos(((i % 16) * Math.PI) / 8), Math.sin(((i % 16) * Math.PI) / 8)] as [number, number]
		);
		const out = simplifyLine(circle, 10);
		expect(out.length).toBeGreaterThanOrEqual(4);
		expect(out.length).toBeLessThanOrEqual(5);
		expect(out.at(-1)).toEqual(out[0]);
	});
});

describe('simplifyToTopology', () => {
	// Two unit-ish squares sharing the edge x = 2, the shared edge with a wiggle point on it.
	const left = poly('L', [
		[0, 0],
		[0, 2],
		[2, 2],
		[2, 1],
		[2, 0],
		[0, 0]
	]);
	const right = poly('R', [
		[2, 0],
		[2, 1],
		[2, 2],
		[4, 2],
		[4, 0],
		[2, 0]
	]);

	it('stores a shared border once and orients exteriors clockwise', () => {
		const topo = simplifyToTopology([left, right], opts);
		const l = topo.objects.x!.geometries.find((g) => g.id === 'L')!.arcs as number[][];
		const r = topo.objects.x!.geometries.find((g) => g.id === 'R')!.arcs as number[][];
		const shared = l[0]!.filter((i) => r[0]!.includes(~i) || r[0]!.includes(i));
		expect(shared).toHaveLength(1);
		expect(ringArea(rings(topo, 'L')[0]!)).toBeLessThan(0);
		expect(ringArea(rings(topo, 'R')[0]!)).toBeLessThan(0);
	});

	it("drops islets below the minimum area but never a feature's largest polygon", () => {
		const islands: GeoFeature = {
			properties: { code: 'I' },
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[10, 10],
							[10, 10.5],
							[10.5, 10.5],
							[10.5, 10],
							[10, 10]
						]
					],
					[
						[
							[20, 20],
							[20, 23],
							[23, 23],
							[23, 20],
							[20, 20]
						]
					]
				]
			}
		};
		const tiny = poly('T', [
			[30, 30],
			[30, 30.5],
			[30.5, 30.5],
			[30.5, 30],
			[30, 30]
		]);
		const topo = simplifyToTopology([islands, tiny], opts);
		expect(rings(topo, 'I')).toHaveLength(1);
		expect(Math.abs(ringArea(rings(topo, 'I')[0]!)) * 0.25).toBe(9);
		expect(rings(topo, 'T')).toHaveLength(1);
	});

	it('makes a "hole" lying outside its exterior a polygon of its own', () => {
		const f = poly(
			'H',
			[
				[0, 0],
				[0, 3],
				[3, 3],
				[3, 0],
				[0, 0]
			],
			[
				[10, 0],
				[10, 3],
				[13, 3],
				[13, 0],
				[10, 0]
			]
		);
		const g = simplifyToTopology([f], opts).objects.x!.geometries[0]!;
		expect(g.type).toBe('MultiPolygon');
		expect(g.arcs).toHaveLength(2);
	});
});
