// WCAG 2.x contrast ratio of two sRGB colours (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio):
// checks the stylesheet's colour tokens (app.css) and, in the e2e suite, focus rings.

/** [r, g, b] 0–255 from '#rgb', '#rrggbb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' (alpha ignored). */
export function parseColor(c: string): [number, number, number] {
	const s = c.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s)?.[1];
	if (hex) {
		const full = hex.length === 3 ? [...hex].map((x) => x + x).join('') : hex;
		return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
	}
	const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
	if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
	throw new Error(`not a colour: ${c}`);
}

function luminance([r, g, b]: [number, number, number]): number {
	const lin = (v: number) => {
		const x = v / 255;
		return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [x, y] = [luminance(parseColor(a)), luminance(parseColor(b))].sort((p, q) => q - p) as [number, number];
	return (x + 0.05) / (y + 0.05);
}
