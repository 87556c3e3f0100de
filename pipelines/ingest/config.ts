import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../../src/lib/core/file-format.server.ts';
import { AUTHORITIES, CHANNELS, CLASSIFICATIONS, LIFECYCLE, OPD_TYPES, REGION_CODE } from '../../src/lib/core/vocab.ts';

const here = dirname(fileURLToPath(import.meta.url));

const FIELDS = [
	'tracking_id',
	'created_at',
	'verified_at',
	'dispositioned_at',
	'first_response_at',
	'closed_at',
	'title',
	'body',
	'category',
	'classification',
	'channel',
	'region',
	'region_code',
	'province',
	'district',
	'agency',
	'incident_place',
	'status',
	'anonymous',
	'confidential',
	'reporter_name',
	'reporter_nik',
	'reporter_phone',
	'reporter_email'
] as const;
export type Field = (typeof FIELDS)[number];
export const IDENTITY_FIELDS = ['reporter_nik', 'reporter_email', 'reporter_phone', 'reporter_name'] as const satisfies readonly Field[];
export const DATE_FIELDS = [
	'created_at',
	'verified_at',
	'dispositioned_at',
	'first_response_at',
	'closed_at'
] as const satisfies readonly Field[];

const FieldName = z.enum(FIELDS);
const headerList = z.array(z.string().min(1)).min(1);
const regex = z.string().refine((p) => {
	try {
		new RegExp(p);
		return true;
	} catch {
		return false;
	}
}, 'invalid regular expression');

export const AliasTable = z.object({
	/** exhaustive: every field needs at least one header spelling */
	fields: z.record(FieldName, headerList),
	identity_header_patterns: z.array(regex)
});
export type AliasTable = z.infer<typeof AliasTable>;

const rule = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.array(
			z.object({
				pattern: regex,
				value: z.enum(values)
			})
		)
		.min(1);

export const RuleSet = z.object({
	status: rule(LIFECYCLE),
	classification: rule(CLASSIFICATIONS),
	channel: rule(CHANNELS),
	opd_type: rule(Object.keys(OPD_TYPES) as [keyof typeof OPD_TYPES, ...(keyof typeof OPD_TYPES)[]]),
	authority: rule(Object.keys(AUTHORITIES) as [keyof typeof AUTHORITIES, ...(keyof typeof AUTHORITIES)[]]),
	boolean: z.object({ true: z.array(z.string()).min(1), false: z.array(z.string()).min(1) })
});
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleKind = 'status' | 'classification' | 'channel';

export const Profile = z.object({
	name: z.string().regex(/^[a-z0-9_-]+$/),
	description: z.string(),
	/** Headers that must all be present for the profile to be picked automatically. */
	detect: z.array(z.string()).min(1),
	/** Header spellings tried before the shared alias table. */
	fields: z.partialRecord(FieldName, headerList).default({}),
	/** Values for fields the export does not carry (e.g. every Surabaya row is in Kota Surabaya). */
	constants: z.partialRecord(FieldName, z.string()).default({}),
	idPrefix: z.string().default(''),
	requireCreatedAt: z.boolean().default(true),
	/** Columns neither mapped nor worth keeping in `extra`. */
	drop: z.array(z.string()).default([]),
	/**
	 * The regions the source covers: 'national', or province / kab/kota codes (a province covers
	 * all its kab/kota). Without it, inferred from where the file's complaints are (core/coverage.ts).
	 */
	coverage: z.union([z.literal('national'), z.array(z.string().regex(REGION_CODE)).min(1)]).optional()
});
export type Profile = z.infer<typeof Profile>;

function readJson<T>(schema: z.ZodType<T>, file: string): T {
	const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.success) throw new InputError(`invalid config ${file}:\n${z.prettifyError(parsed.error)}`);
	return parsed.data;
}

export const loadAliases = () => readJson(AliasTable, resolve(here, 'aliases.json'));
export const loadRules = () => readJson(RuleSet, resolve(here, 'rules.json'));
export function loadProfiles(): Profile[] {
	const dir = resolve(here, 'profiles');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => readJson(Profile, resolve(dir, f)));
}
