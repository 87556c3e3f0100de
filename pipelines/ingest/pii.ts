// Reporter identity recognised by content, for export columns whose header says nothing (a
// "Kontak" or "Keterangan 2" column full of phone numbers). Header names are checked first
// (aliases.json identity_header_patterns); this looks at a sample of the values.
const SEP = '[ .\\-]?';
const WHOLE = {
	nik: new RegExp(`^\\d{2}${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{6}${SEP}\\d{4}$|^\\d{4}${SEP}\\d{4}${SEP}\\d{4}${SEP}\\d{4}$`),
	phone: /^(\+\s?62|62|0)[ .-]?\(?[ .-]?8(\)?[ .-]?\d){8,11}$|^\(?0\d{2,3}\)?[ .-]?\d{3,4}[ .-]?\d{3,5}$/,
	email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/
} as const;
export type IdentityKind = keyof typeof WHOLE;

/** Which identity a single value is, if it is one as a whole (trimmed). */
export function identityKind(value: string): IdentityKind | null {
	const v = value.trim();
	for (const [kind, re] of Object.entries(WHOLE) as [IdentityKind, RegExp][]) if (re.test(v)) return kind;
	return null;
}

/**
 * A column is identity when at least `share` of its non-blank sampled values are NIKs, phone
 * numbers or e-mail addresses. Low on purpose: values that slip through as free text are still
 * masked (mask_pii) on their way into `extra`.
 */
export function looksLikeIdentity(values: readonly (string | null)[], share = 0.2): IdentityKind | null {
	const filled = values.filter((v): v is string => v !== null && v.trim() !== '');
	if (!filled.length) return null;
	const counts = new Map<IdentityKind, number>();
	for (const v of filled) {
		const k = identityKind(v);
		if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return best && best[1] / filled.length >= share ? best[0] : null;
}
