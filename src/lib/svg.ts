// The one kind of markup the app inserts unescaped: SVG drawn on the server by Observable Plot
// (src/lib/server/plot.ts) or the map template (src/lib/server/charts.ts), whose every text is
// escaped as it is drawn. The brand keeps any other string, complaint text above all, from being
// passed where it would be inserted as markup (components/ServerSvg.svelte).
export type SafeSvg = string & { readonly __safeSvg: true };

/** Marks markup as drawn by the server's chart code. Only plot.ts and charts.ts call this. */
export const drawnSvg = (markup: string): SafeSvg => markup as SafeSvg;

export const NO_SVG = drawnSvg('');
