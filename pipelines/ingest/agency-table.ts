// The reviewed agency alias table (data/reference/agency_aliases.csv), read and checked. Two kinds
// of row, both compared after agencyWords() (lower case, words only):
//   word  a word or phrase anywhere in a name -> its written-out form ("dinsos" -> "dinas sosial",
//         "kab" -> "kabupaten"; an empty `to` drops it: "ri", salutations);
//   name  a whole name, once written out and without its region -> the canonical name, in one
//         region (`region`, the agency's Kemendagri code) or everywhere; `authority` overrides who
//         the agency answers to, `to` may then stay empty.
// Admins extend it from `npm run agencies` (pipelines/agencies/README.md); TELAAH_AGENCY_ALIASES
// points the ETL at another copy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../../src/lib/core/file-format.server.ts';
import { AUTHORITIES, type Authority } from '../../src/lib/core/vocab.ts';
import { readCsvRecords, type CsvRecord } from '../../src/lib/core/csv.ts';
import { agencyWords } from './agency-names.ts';

export const DEFAULT_AGENCY_TABLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/reference/agency_aliases.csv');

/** The table the ETL reads: the caller's, else TELAAH_AGENCY_ALIASES, else the shipped one. */
export const agencyTablePath = (override?: string) => resolve(override ?? process.env.TELAAH_AGENCY_ALIASES ?? DEFAULT_AGENCY_TABLE);

interface NameAlias {
	/** The canonical name's words; null keeps the name as it is. */
	to: string | null;
	authority: Authority | null;
}

export interface AgencyTable {
	path: string;
	/** Phrase (words joined by one space) -> the words it stands for. */
	words: Map<string, string[]>;
	/** Longest phrase, in words. */
	maxWords: number;
	/** `${region}|${name}` (region '' = everywhere) -> the alias. */
	names: Map<string, NameAlias>;
	/** Changes exactly when an entry does (not with comments, notes or row order). */
	fingerprint: string;
}

const Row = z
	.object({
		kind: z.enum(['word', 'name']),
		from: z.string().refine((s) => agencyWords(s).length > 0, 'needs at least one word'),
		to: z.string(),
		region: z.string().regex(/^(\d{2}(\.\d{2})?)?$/, 'a Kemendagri code such as 36 or 36.03, or empty'),
		authority: z.union([z.literal(''), z.enum(Object.keys(AUTHORITIES) as [Authority, ...Authority[]])]),
		note: z.string()
	})
	.refine((r) => r.kind === 'name' || (r.region === '' && r.authority === ''), 'region and authority apply to name rows only')
	.refine((r) => r.kind === 'word' || r.to.trim() !== '' || r.authority !== '', 'a name row needs a `to` or an authority');

const HEADER = ['kind', 'from', 'to', 'region', 'authority', 'note'] as const;

export function loadAgencyTable(path: string): AgencyTable {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new InputError(`agency alias table ${path}: ${(e as Error).message}`);
	}
	return parseAgencyTable(text, path);
}

export function parseAgencyTable(text: string, path: string): AgencyTable {
	let records: CsvRecord[];
	try {
		records = readCsvRecords(text, `agency alias table ${path}`);
	} catch (e) {
		throw new InputError((e as Error).message);
	}
	const [header, ...body] = records;
	if (!header || HEADER.some((h, i) => header.cells[i]?.trim() !== h))
		throw new InputError(`agency alias table ${path}: the header must be ${HEADER.join(',')}`);
	const words = new Map<string, string[]>();
	const names = new Map<string, NameAlias>();
	const problems: string[] = [];
	body.forEach(({ line, cells }) => {
		if (cells.every((c) => c.trim() === '')) return;
		const parsed = Row.safeParse(Object.fromEntries(HEADER.map((h, j) => [h, (cells[j] ?? '').trim()])));
		if (!parsed.success) {
			problems.push(`line ${line}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ')}`);
			return;
		}
		const r = parsed.data;
		const from = agencyWords(r.from).join(' ');
		const key = r.kind === 'word' ? from : `${r.region}|${from}`;
		if ((r.kind === 'word' ? words : names).has(key)) {
			problems.push(`line ${line}: "${r.from}" is listed twice`);
			return;
		}
		if (r.kind === 'word') words.set(key, agencyWords(r.to));
		else names.set(key, { to: r.to.trim() ? agencyWords(r.to).join(' ') : null, authority: r.authority || null });
	});
	if (problems.length) throw new InputError(`agency alias table ${path}:\n${problems.join('\n')}`);
	const fingerprint = createHash('sha256')
		.update(JSON.stringify([[...words].sort(), [...names].sort()]))
		.digest('hex');
	return { path, words, maxWords: Math.max(1, ...[...words.keys()].map((k) => k.split(' ').length)), names, fingerprint };
}
