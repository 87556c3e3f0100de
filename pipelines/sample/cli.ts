// npm run sample -- [--rows N] [--seed S] [--dirty RATE] [--reference DIR] --out PATH
// Streams a synthetic SP4N-LAPOR! admin export to a CSV file, with a progress bar on stderr and a
// one-line summary on stdout.

import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_ROWS, DEFAULT_SEED } from './anchors';
import { CSV_EOL, CSV_HEADER_LINE, toCsvLine } from './csv';
import { generateComplaints } from './generate';
import { loadRegionRefs } from './reference';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_REFERENCE = resolve(here, '../../data/reference');
const USAGE = 'usage: npm run sample -- [--rows N] [--seed S] [--dirty RATE] [--reference DIR] --out PATH';
const CHUNK_BYTES = 1 << 20;

function parseNumber(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean): number {
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || !check(n)) throw new Error(`invalid --${name} ${raw}\n${USAGE}`);
	return n;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			rows: { type: 'string' },
			seed: { type: 'string' },
			dirty: { type: 'string' },
			out: { type: 'string' },
			reference: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	if (!values.out) throw new Error(`--out is required\n${USAGE}`);
	const rows = parseNumber('rows', values.rows, DEFAULT_ROWS, (n) => Number.isInteger(n) && n >= 0);
	const seed = parseNumber('seed', values.seed, DEFAULT_SEED, Number.isSafeInteger);
	const dirty = parseNumber('dirty', values.dirty, 0, (n) => n >= 0 && n <= 1);
	const out = resolve(values.out);
	const regions = loadRegionRefs(resolve(values.reference ?? DEFAULT_REFERENCE));

	const started = Date.now();
	const file = createWriteStream(out, { encoding: 'utf8' });
	const failed = new Promise<never>((_, reject) => file.once('error', reject));
	const bar = new cliProgress.SingleBar(
		{
			stream: process.stderr,
			format: 'sample [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted} (ETA {eta_formatted})',
			hideCursor: true
		},
		cliProgress.Presets.shades_classic
	);
	bar.start(rows, 0);
	let buffer = CSV_HEADER_LINE + CSV_EOL;
	let written = 0;
	let broken = 0;
	const flush = async () => {
		const ok = file.write(buffer);
		buffer = '';
		// Wait for the disk when the stream is full; otherwise still let timers (the bar) run.
		await Promise.race([ok ? new Promise((r) => setImmediate(r)) : once(file, 'drain'), failed]);
	};
	for (const row of generateComplaints({ rows, seed, dirty, regions })) {
		buffer += toCsvLine(row) + CSV_EOL;
		written++;
		if (row.meta.dirty) broken++;
		if (buffer.length >= CHUNK_BYTES) {
			await flush();
			bar.update(written);
		}
	}
	await flush();
	file.end();
	await Promise.race([once(file, 'finish'), failed]);
	bar.update(written);
	bar.stop();
	const seconds = (Date.now() - started) / 1000;
	const mb = statSync(out).size / 1e6;
	console.log(`sample: ${written} rows (${broken} dirty) seed ${seed} -> ${out} (${mb.toFixed(1)} MB) in ${seconds.toFixed(1)} s`);
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
