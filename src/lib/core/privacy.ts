// Small-count suppression. A count of 1–4 complaints in a fine breakdown (a topic within one
// kab/kota) can point at the person who filed them, so such cells are shown as "< 5" instead.
// One rule for every view of such a cell, so no view gives away what another hides: a topic's or
// a theme's count inside one kab/kota (the /topik heatmap's kab/kota rows, /topik and its CSVs
// with a kab/kota filter or for a kab/kota user, the kab/kota briefing), and theme × kab/kota
// spikes. A suppressed cell also shows no examples, shares or trend. Whole-region totals and
// lists the user may see anyway (their own complaints) are not suppressed.
export const MIN_SHOWN_COUNT = 5;

/** The count when it may be shown; null for 1–4. Zero stays zero: it identifies nobody. */
export const suppressSmall = (n: number): number | null => (n > 0 && n < MIN_SHOWN_COUNT ? null : n);

/** Whether counts by topic or theme within `region` are kab/kota cells (a kab/kota code: '36.03'). */
export const isRegencyCell = (region: string | null | undefined): boolean => !!region && region.includes('.');

/** Where a count is taken: the region, kecamatan and agency filters in force. */
export interface CellFilters {
	region?: string | null;
	district?: string | null;
	agency?: string | null;
}

/**
 * Whether counts by topic or theme under these filters are cells of one kab/kota or finer: a
 * kab/kota region, a kecamatan, or one agency (agencies are named per region, so one is no
 * coarser than a kab/kota even without a region filter).
 */
export const isFineCell = (f: CellFilters): boolean => isRegencyCell(f.region) || !!f.district || !!f.agency;

/** A topic or theme count under `f`: suppressed when that makes it a small cell of a kab/kota or finer. */
export const topicCellCount = (n: number, f: CellFilters): number | null => (isFineCell(f) ? suppressSmall(n) : n);

/** The written form of a suppressed count, in pages and CSVs alike. */
export const SUPPRESSED = `<${MIN_SHOWN_COUNT}`;
