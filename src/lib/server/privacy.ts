// Small-count suppression. A count of 1–4 complaints in a fine breakdown (a topic within one
// kab/kota) can point at the person who filed them, so such cells are shown as "< 5" instead.
// Applies to breakdowns finer than a kab/kota total: topic × kab/kota cells (the /topik heatmap).
// Whole-region totals and lists the user may see anyway (their own complaints) are not suppressed.
export const MIN_SHOWN_COUNT = 5;

/** The count when it may be shown; null for 1–4. Zero stays zero: it identifies nobody. */
export const suppressSmall = (n: number): number | null => (n > 0 && n < MIN_SHOWN_COUNT ? null : n);
