import { fieldMask, SOURCE_FIELDS, type SourceField } from '../../src/lib/core/fields.ts';
import type { AliasTable, Field, Profile } from './config.ts';

/** Header comparison ignores case, spacing and punctuation: "ID Tracking" = "id_tracking". */
export const headerKey = (h: string) =>
	h
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');

export interface HeaderMapping {
	/** warehouse field -> header as written in the file */
	fields: Partial<Record<Field, string>>;
	/** headers holding reporter identity: hashed at most, never stored */
	identity: string[];
	/** unmapped headers kept verbatim in complaints.extra */
	extra: string[];
	/** headers the profile says to ignore */
	dropped: string[];
}

/** Picks the profile whose detect headers are all present, most specific first. */
export function detectProfile(headers: string[], profiles: Profile[], fallback = 'lapor'): Profile {
	const present = new Set(headers.map(headerKey));
	const matching = profiles
		.filter((p) => p.detect.every((h) => present.has(headerKey(h))))
		.sort((a, b) => b.detect.length - a.detect.length);
	const chosen = matching[0] ?? profiles.find((p) => p.name === fallback);
	if (!chosen) throw new Error(`no profile named "${fallback}"`);
	return chosen;
}

export function mapHeaders(headers: string[], profile: Profile, aliases: AliasTable): HeaderMapping {
	const byKey = new Map<string, string>();
	for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
	const taken = new Set<string>();
	const fields: Partial<Record<Field, string>> = {};
	// Profile spellings first, so e.g. Surabaya's "id" wins over nothing, and the shared table
	// cannot steal a column the profile assigned elsewhere.
	for (const source of [profile.fields, aliases.fields] as Partial<Record<Field, string[]>>[]) {
		for (const [field, spellings] of Object.entries(source) as [Field, string[]][]) {
			if (fields[field]) continue;
			for (const spelling of spellings) {
				const header = byKey.get(headerKey(spelling));
				if (header && !taken.has(header)) {
					fields[field] = header;
					taken.add(header);
					break;
				}
			}
		}
	}
	const identity = (['reporter_name', 'reporter_nik', 'reporter_phone', 'reporter_email'] as const)
		.map((f) => fields[f])
		.filter((h): h is string => !!h);
	const dropKeys = new Set(profile.drop.map(headerKey));
	const dropped: string[] = [];
	const extra: string[] = [];
	for (const h of headers) {
		if (taken.has(h) || h === SOURCE_ROW_COLUMN) continue;
		const key = headerKey(h);
		if (dropKeys.has(key)) dropped.push(h);
		else if (aliases.identity_header_patterns.some((p) => new RegExp(p).test(key))) identity.push(h);
		else extra.push(h);
	}
	return { fields, identity, extra, dropped };
}

/** Column added to exports converted to CSV by Telaah itself (JSON, XLSX): the source record number. */
export const SOURCE_ROW_COLUMN = '__telaah_source_row';

// Which columns (or profile constants) stand for each field a figure may need (core/fields.ts).
// A region is also read from the agency's name (sql.ts regionLookupSql), so an agency column
// provides one.
const SOURCES: Record<SourceField, readonly Field[]> = {
	created_at: ['created_at'],
	verified_at: ['verified_at'],
	dispositioned_at: ['dispositioned_at'],
	first_response_at: ['first_response_at'],
	closed_at: ['closed_at'],
	status: ['status'],
	category: ['category'],
	channel: ['channel'],
	agency: ['agency'],
	region: ['region', 'region_code', 'province', 'agency'],
	district: ['district'],
	confidential: ['confidential'],
	anonymous: ['anonymous'],
	title: ['title'],
	body: ['body'],
	classification: ['classification']
};

/** The fields a file provides, as the mask every one of its complaints stores. */
export function providedFields(mapping: HeaderMapping, profile: Profile): number {
	const has = (f: Field) => mapping.fields[f] !== undefined || profile.constants[f] !== undefined;
	return fieldMask(SOURCE_FIELDS.filter((s) => SOURCES[s].some(has)));
}
