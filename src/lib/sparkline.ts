// A tiny server-rendered sparkline: the SVG path `d` for a series of monthly values, scaled to
// a width × height box (y grows downwards, the largest value at the top). A null value (no
// data that month) breaks the line; a series with one point draws a short flat stroke.
export function sparklinePath(values: readonly (number | null)[], width = 100, height = 24, pad = 2): string {
	const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (xs.length === 0) return '';
	const lo = Math.min(...xs);
	const hi = Math.max(...xs);
	const n = values.length;
	const x = (i: number) => (n === 1 ? width / 2 : (i / (n - 1)) * width);
	const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) / (hi - lo)) * (height - 2 * pad));
	const r = (v: number) => String(Math.round(v * 10) / 10);
	let d = '';
	let pen = false;
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) {
			pen = false;
			return;
		}
		d += `${pen ? ' L' : d ? ' M' : 'M'}${r(x(i))} ${r(y(v))}`;
		pen = true;
	});
	if (n === 1) d = `M0 ${r(height / 2)} L${r(width)} ${r(height / 2)}`;
	return d;
}
