// The fields a complaint's source may or may not provide. Every complaint stores, in its `fields`
// column, a bit per field its file provided (a mapped column or a profile constant), so that a
// figure needing a field is computed over the complaints that have it, and is "tidak tersedia"
// where none does: an absent status column is not a 0 % completion rate. Bits are positions in
// SOURCE_FIELDS: append only, never reorder (stored warehouses keep them).

export const SOURCE_FIELDS = [
	'created_at',
	'verified_at',
	'dispositioned_at',
	'first_response_at',
	'closed_at',
	'status',
	'category',
	'channel',
	'agency',
	'region',
	'district',
	'confidential',
	'anonymous',
	'title',
	'body',
	'classification'
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export const fieldBit = (f: SourceField): number => 1 << SOURCE_FIELDS.indexOf(f);

/** The mask of a set of fields. */
export const fieldMask = (fields: readonly SourceField[]): number => fields.reduce((m, f) => m | fieldBit(f), 0);

/** Every field: what a complaint stored before fields were recorded is taken to have had. */
const ALL_FIELDS = fieldMask(SOURCE_FIELDS);

/** Each field's value in a stored complaint (SQL over `complaints`): counted as filled when not NULL. */
export const FIELD_VALUE_SQL: Record<SourceField, string> = {
	created_at: 'created_at',
	verified_at: 'verified_at',
	dispositioned_at: 'dispositioned_at',
	first_response_at: 'first_response_at',
	closed_at: 'closed_at',
	status: 'status_raw',
	category: 'category_path',
	channel: 'channel_raw',
	agency: 'agency_raw',
	region: 'coalesce(regency_code, province_code)',
	district: 'coalesce(district_code, district_name)',
	// Stored as false when absent: only a provided column says anything.
	confidential: `CASE WHEN (coalesce(fields, ${ALL_FIELDS}) & ${fieldBit('confidential')}) <> 0 THEN is_confidential END`,
	anonymous: `CASE WHEN (coalesce(fields, ${ALL_FIELDS}) & ${fieldBit('anonymous')}) <> 0 THEN is_anonymous END`,
	title: 'title',
	body: 'body',
	classification: 'classification'
};

/**
 * What a figure needs: any one of the alternatives, each a set of fields all present. SQL over a
 * row with a `fields` column (NULL: recorded before fields were, taken as all present).
 */
export type Requirement = readonly (readonly SourceField[])[];

export function requirementSql(req: Requirement, column = 'fields'): string {
	if (req.length === 0) return 'true';
	const c = `coalesce(${column}, ${ALL_FIELDS})`;
	return `(${req.map((alt) => `(${c} & ${fieldMask(alt)}) = ${fieldMask(alt)}`).join(' OR ')})`;
}
