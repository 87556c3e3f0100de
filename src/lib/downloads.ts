// The formats every table downloads in, shared by the route matcher (src/params/download.ts), the
// handler (lib/server/export/download.ts), the audit in hooks.server.ts and the pages' links.
export const FORMATS = ['csv', 'xlsx', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** A download route: its id ends in `.[ext=download]` (e.g. /api/wilayah.[ext=download]). */
export const isDownloadRoute = (routeId: string | null) => routeId !== null && routeId.endsWith('.[ext=download]');

/** `/api/wilayah?level=province` in one format: `/api/wilayah.xlsx?level=province`. */
export const downloadHref = (href: string, format: Format) => href.replace(/^[^?#]*/, (path) => `${path}.${format}`);
