// d3-geo comes with Observable Plot (no types shipped); charts.test.ts uses two of its
// functions to check the kab/kota shapes the way Plot will project them.
declare module 'd3-geo' {
	export function geoArea(object: unknown): number;
	export function geoBounds(object: unknown): [[number, number], [number, number]];
}
