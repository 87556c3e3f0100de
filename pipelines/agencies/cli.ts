import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError } from '../../src/lib/core/file-format.server.ts';
import { REGION_CODE } from '../../src/lib/core/vocab.ts';
import { csvField } from '../../src/lib/core/csv.ts';
import { canonicalAgency } from '../ingest/agency-names.ts';
import { agencyContextFor } from '../ingest/agency-sql.ts';
import { agencyTablePath, loadAgencyTable } from '../ingest/agency-table.ts';
import { loadRules } from '../ingest/config.ts';
import { DEFAULT_DB } from '../warehouse/open.ts';
import { reviewAgencies, type ReviewedAgency, type SpellingCount } from './review.ts';

const USAGE = `usage: npm run agencies -- [--db PATH] [--region CODE] [--min N] [--limit N] [--aliases PATH] [--json]
  Reviews the agency names of a warehouse with the current alias table (data/reference/agency_aliases.csv,
  or TELAAH_AGENCY_ALIASES, or --aliases): how many spellings become how many agencies, the agencies
  whose authority is not recognised, and the kinds of office a Pemda has one of that still have
  several names in one region. Prints rows to paste into the table; the next ingest applies them.
  Opens the warehouse read-only (a running server may keep it open).
  --region CODE  only complaints of this province or kab/kota
  --min N        only agencies with at least N complaints (default 1)
  --limit N      rows per list (default 30)
  --json         the lists as one JSON object`;

interface Shown {
	table: string;
	spellings: number;
	agencies: number;
	unrecognised: ReviewedAgency[];
	unrecognisedTotal: number;
	severalNames: ReviewedAgency[][];
	severalNamesTotal: number;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			options: {
				db: { type: 'string' },
				region: { type: 'string' },
				min: { type: 'string' },
				limit: { type: 'string' },
				aliases: { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	if (args.values.help) {
		console.error(USAGE);
		return 0;
	}
	const min = Number(args.values.min ?? 1);
	const limit = Number(args.values.limit ?? 30);
	const region = args.values.region ?? null;
	if (!Number.isInteger(min) || min < 1 || !Number.isInteger(limit) || limit < 1 || (region !== null && !REGION_CODE.test(region))) {
		console.error(USAGE);
		return 2;
	}
	const db = resolve(args.values.db ?? DEFAULT_DB);
	if (!existsSync(db)) {
		console.error(`error: no warehouse at ${db}`);
		return 1;
	}
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	try {
		const table = loadAgencyTable(agencyTablePath(args.values.aliases));
		const ctx = await agencyContextFor(conn, table, loadRules());
		// The region is checked above against a strict pattern before it enters the SQL.
		const inRegion = region === null ? 'true' : `(province_code = '${region}' OR regency_code = '${region}')`;
		const rows = (
			await conn.runAndReadAll(
				`SELECT agency_raw AS raw, regency_code AS regency, province_code AS province, count(*)::INTEGER AS n
				 FROM complaints WHERE agency_raw IS NOT NULL AND ${inRegion} GROUP BY ALL`
			)
		).getRowObjectsJS() as unknown as SpellingCount[];
		const review = reviewAgencies(rows, (raw, where) => canonicalAgency(raw, where, ctx));
		const shown: Shown = {
			table: table.path,
			spellings: review.spellings,
			agencies: review.agencies.length,
			unrecognised: review.unrecognised.filter((a) => a.n >= min).slice(0, limit),
			unrecognisedTotal: review.unrecognised.length,
			severalNames: review.severalNames.filter((g) => g[1]!.n >= min).slice(0, limit),
			severalNamesTotal: review.severalNames.length
		};
		if (args.values.json) console.log(JSON.stringify(shown));
		else report(shown, min);
		return 0;
	} catch (e) {
		console.error(`error: ${e instanceof InputError ? e.message : ((e as Error).stack ?? e)}`);
		return 1;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

function report(r: Shown, min: number) {
	const fmt = (n: number) => n.toLocaleString('en-US');
	const row = (cells: string[]) => cells.map(csvField).join(',');
	const spellings = (a: ReviewedAgency) =>
		a.spellings
			.slice(0, 4)
			.map((s) => `"${s.raw.replace(/\s+/g, ' ').slice(0, 80)}" ${fmt(s.n)}`)
			.join(', ') + (a.spellings.length > 4 ? `, … (${a.spellings.length} spellings)` : '');
	console.log(`${fmt(r.spellings)} spellings -> ${fmt(r.agencies)} agencies with ${r.table}`);
	console.log(
		`\nNot recognised (whom they answer to is unknown): ${fmt(r.unrecognisedTotal)} agencies; with ${fmt(min)}+ complaints, largest first:`
	);
	for (const a of r.unrecognised) console.log(`  ${fmt(a.n).padStart(7)}  ${a.name}  [${a.region ?? 'no region'}]  ${spellings(a)}`);
	const first = r.unrecognised[0];
	if (first)
		console.log(
			`  To say whom one answers to (or rename it), add a row such as:\n  ${row(['name', first.own, '', first.region ?? '', 'pemda', 'reviewed'])}`
		);
	console.log(`\nOne kind of office, several names in one region: ${fmt(r.severalNamesTotal)} groups, largest second name first:`);
	for (const g of r.severalNames) {
		console.log(`  ${g[0]!.region} ${g[0]!.opdType}:`);
		for (const a of g) console.log(`    ${fmt(a.n).padStart(7)}  ${a.name}  ${spellings(a)}`);
		for (const a of g.slice(1)) console.log(`    if one office: ${row(['name', a.own, g[0]!.own, a.region ?? '', '', 'reviewed'])}`);
	}
}

process.exitCode = await main();
