import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_DB, openWarehouse } from '../warehouse/open.ts';
import { InputError } from '../../src/lib/core/file-format.server.ts';
import { ingest, type RunSummary, type Stage } from './load.ts';
import { assignNew, hasTopicModel, type AssignSummary } from '../topics/store.ts';
import { reporterSalt } from './salt.ts';

const USAGE = `usage: npm run ingest -- <file>... [--db PATH] [--profile lapor|surabaya|lapor2017] [--json]
  Loads SP4N-LAPOR! exports (CSV, XLSX, JSON/NDJSON) into the warehouse in one transaction.
  --db PATH    warehouse file (default data/telaah.duckdb); created with reference tables if missing
  --profile    mapping profile; detected from the headers when omitted
  --json       print the run summary as JSON on the last stdout line
  When the warehouse has a fitted topic model (npm run topics), the new complaints are placed in
  its clusters and tagged with the policy themes in the same transaction.
  A file already loaded with the same rules and aliases is not read again (summary: already loaded).`;

const STAGE_AT: Record<Stage, number> = { inspect: 0, stage: 10, normalise: 45, upsert: 80, done: 100 };

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: { db: { type: 'string' }, profile: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	if (args.values.help || args.positionals.length === 0) {
		console.error(USAGE);
		return args.values.help ? 0 : 2;
	}
	const files = args.positionals.map((f) => resolve(f));
	const missing = files.filter((f) => !existsSync(f));
	if (missing.length) {
		console.error(`error: file not found: ${missing.join(', ')}`);
		return 1;
	}
	const db = resolve(args.values.db ?? DEFAULT_DB);
	const bar = new cliProgress.SingleBar(
		{
			format: ' {bar} {percentage}% | file {file}/{files} {stage} | {duration_formatted}',
			hideCursor: true,
			clearOnComplete: true,
			stream: process.stderr
		},
		cliProgress.Presets.shades_classic
	);
	const warehouse = await openWarehouse(db);
	let fileNo = 0;
	let stageBase = 0;
	bar.start(100 * files.length, 0, { file: 1, files: files.length, stage: 'inspect' });
	// DuckDB reports progress of the running query; spread it over the current stage's share.
	const poll = setInterval(() => {
		const p = warehouse.conn.progress.percentage;
		if (p > 0) bar.update(Math.min(100 * fileNo + stageBase + (p / 100) * 35, 100 * (fileNo + 1)));
	}, 250);
	try {
		let topics: AssignSummary | null = null;
		const summary = await ingest(warehouse.conn, files, {
			profile: args.values.profile,
			salt: reporterSalt(db),
			// The new complaints and their topics commit together: no window in which a load is
			// stored without its assignments (an interrupted ingest left them missing).
			async beforeCommit(conn) {
				if (await hasTopicModel(conn)) topics = await assignNew(conn, { inTransaction: true });
			},
			onStage(file, stage) {
				fileNo = files.indexOf(file);
				stageBase = STAGE_AT[stage];
				bar.update(100 * fileNo + stageBase, { file: fileNo + 1, stage });
			}
		});
		clearInterval(poll);
		bar.stop();
		report(summary, db, !!args.values.json, topics);
		return 0;
	} catch (e) {
		clearInterval(poll);
		bar.stop();
		const msg = e instanceof InputError ? e.message : `${(e as Error).stack ?? e}`;
		console.error(`error: ${msg}\nnothing was loaded: the warehouse is unchanged.`);
		// The reason on its own for a caller (the upload form), without a stack trace.
		if (args.values.json)
			console.log(JSON.stringify({ error: e instanceof InputError ? e.message : `${(e as Error).message ?? e}`.split('\n')[0] }));
		return 1;
	} finally {
		warehouse.close();
	}
}

function report(s: RunSummary, db: string, json: boolean, topics: AssignSummary | null) {
	const fmt = (n: number) => n.toLocaleString('en-US');
	for (const f of s.files) {
		console.log(
			`${f.file}\n  profile ${f.profile}, ${f.format}, ${f.encoding}, ${f.already_loaded ? `already loaded in batch ${f.batch_id}, nothing written` : `batch ${f.batch_id}`}: read ${fmt(f.rows_read)} = loaded ${fmt(f.loaded)} + updated ${fmt(f.updated)} + duplicate ${fmt(f.duplicate)} + quarantined ${fmt(f.quarantined)}`
		);
		for (const [reason, n] of Object.entries(f.reasons)) console.log(`    quarantined ${reason}: ${fmt(n)}`);
	}
	const rate = s.duration_ms > 0 ? Math.round((s.rows_read / s.duration_ms) * 1000) : 0;
	console.log(`${db}: ${fmt(s.rows_read)} rows in ${(s.duration_ms / 1000).toFixed(1)} s (${fmt(rate)} rows/s)`);
	if (topics)
		console.log(
			`topics: ${fmt(topics.assigned)} new complaints assigned to the stored clusters in ${(topics.stages_ms.total! / 1000).toFixed(1)} s`
		);
	if (json) console.log(JSON.stringify({ db, ...s, topics }));
}

process.exitCode = await main();
