// `npm run briefing`: prints monthly briefings (/briefing/[region]/[month]) to A4 PDFs.
// Starts the built app on a free port against the warehouse (opened read-only, so a running
// dashboard on the same file is no obstacle), or uses --url of a running one; ONE Chromium for
// the whole batch, a few pages printed in parallel.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Browser } from 'playwright-core';
import { briefingFileName, MonthSchema, NATIONAL_PARAM, RegionParamSchema } from '../../src/lib/core/briefing.ts';
import { readCsv } from '../../src/lib/core/csv.ts';
import { build, buildNeeded, ROOT, startServer, type RunningServer } from '../lib/app-server.ts';
import { launchBrowser } from '../../src/lib/core/chromium.server.ts';
import { DEFAULT_DB, REFERENCE_DIR } from '../warehouse/open.ts';
import { briefingContext, printBriefing, type BriefingAuth } from '../../src/lib/core/briefing-print.server.ts';
import { mintServiceSession, SESSION_COOKIE } from '../../src/lib/core/session.server.ts';
import { adoptLegacyAuth, authFiles, readUsers } from '../../src/lib/core/users.server.ts';

const USAGE = `usage: npm run briefing -- --month YYYY-MM (--region CODE | --all) --out DIR
         [--db PATH] [--url URL] [--lang id|en] [--concurrency N]
  --month        the briefing month
  --region CODE  one area: nasional, a province code (36) or a kab/kota code (36.03); repeatable
  --all          the nation, the 38 provinces and the 514 kab/kota (553 briefings)
  --out DIR      where <code>-<month>.pdf files go (created if missing)
  --db PATH      warehouse served to the briefing pages (default data/telaah.duckdb)
  --url URL      use a running Telaah server instead of starting one (--db then only says
                 whose session.key signs the CLI's session when sign-in is on)
  --lang id|en   language of the briefings (default id)
  --concurrency  pages printed at the same time (default 3)`;

/** Every area of --all, nation first, then provinces and kab/kota by code (data/reference, as the warehouse's regions). */
function allAreas(dir = REFERENCE_DIR): string[] {
	const codes = (file: string) =>
		readCsv(readFileSync(join(dir, file), 'utf8'), file)
			.slice(1)
			.map((cells) => cells[0]!)
			.sort();
	return [NATIONAL_PARAM, ...codes('provinces.csv'), ...codes('regencies.csv')];
}

/**
 * Credentials for the briefing pages (every page fetch goes through printBriefing): a cookie
 * given in TELAAH_BRIEFING_COOKIE; else none in demo mode (no users beside the warehouse);
 * else a national service session signed with the warehouse's session.key, valid for 2 hours
 * (src/lib/server/auth/session.ts). With --url, --db must name the served warehouse for that.
 */
function briefingAuth(db: string): BriefingAuth {
	const cookie = process.env.TELAAH_BRIEFING_COOKIE;
	if (cookie) return { headers: { cookie } };
	const files = authFiles({ ...process.env, TELAAH_DB: db });
	adoptLegacyAuth(files);
	if (readUsers(files.users).length === 0) return {};
	return { headers: { cookie: `${SESSION_COOKIE}=${mintServiceSession(files.sessionKey, 2 * 60 * 60)}` } };
}

interface Result {
	region: string;
	file?: string;
	ms: number;
	error?: string;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			options: {
				month: { type: 'string' },
				region: { type: 'string', multiple: true },
				all: { type: 'boolean' },
				out: { type: 'string' },
				db: { type: 'string' },
				url: { type: 'string' },
				lang: { type: 'string' },
				concurrency: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const v = args.values;
	if (v.help) {
		console.error(USAGE);
		return 0;
	}
	const usage = (msg: string) => {
		console.error(`error: ${msg}\n${USAGE}`);
		return 2;
	};
	if (!v.month || !MonthSchema.safeParse(v.month).success) return usage('--month YYYY-MM is required');
	if (!v.out) return usage('--out DIR is required');
	if (Boolean(v.all) === Boolean(v.region?.length)) return usage('give either --region CODE or --all');
	const bad = (v.region ?? []).filter((r) => !RegionParamSchema.safeParse(r).success);
	if (bad.length) return usage(`not a region code: ${bad.join(', ')}`);
	const lang = v.lang ?? 'id';
	if (lang !== 'id' && lang !== 'en') return usage('--lang is id or en');
	const concurrency = Number(v.concurrency ?? 3);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) return usage('--concurrency is 1–16');
	const month = v.month;
	const regions = v.all ? allAreas() : [...new Set(v.region)];
	const db = resolve(v.db ?? DEFAULT_DB);
	// Said before anything is built or started (that takes half a minute on a fresh clone).
	if (!v.url && !existsSync(db)) {
		console.error(
			`error: no warehouse at ${db}\n` +
				'  load exports into it: npm run ingest -- FILE… --db PATH (or run npm start once: it loads the sample data),\n' +
				'  or give --db PATH of another warehouse, or --url of a running Telaah server'
		);
		return 1;
	}
	const out = resolve(v.out);
	mkdirSync(out, { recursive: true });

	const t0 = Date.now();
	let server: RunningServer | undefined;
	let browser: Browser | undefined;
	const results: Result[] = [];
	let setup: number;
	let batch: number;
	const bar = new cliProgress.SingleBar(
		{
			format: ' {bar} {value}/{total} | {failed} failed | {region} | {duration_formatted}',
			hideCursor: true,
			clearOnComplete: true,
			stream: process.stderr
		},
		cliProgress.Presets.shades_classic
	);
	try {
		let origin = v.url?.replace(/\/+$/, '');
		if (!origin) {
			const why = buildNeeded();
			if (why) {
				console.error(`[briefing] building the app (${why})…`);
				build(ROOT);
			}
			server = await startServer(db);
			origin = server.origin;
		}
		browser = await launchBrowser();
		const context = await briefingContext(browser, briefingAuth(db));
		setup = Date.now() - t0;
		let next = 0;
		const worker = async () => {
			while (next < regions.length) {
				const region = regions[next++]!;
				const started = Date.now();
				const url = `${origin}/briefing/${encodeURIComponent(region)}/${month}?lang=${lang}`;
				try {
					const pdf = await printBriefing(context, url, { lang });
					const file = join(out, briefingFileName(region, month));
					writeFileSync(file, pdf);
					results.push({ region, file, ms: Date.now() - started });
				} catch (e) {
					results.push({ region, ms: Date.now() - started, error: (e as Error).message.split('\n')[0] });
				}
				bar.increment(1, { failed: results.filter((r) => r.error).length, region });
			}
		};
		const tBatch = Date.now();
		bar.start(regions.length, 0, { failed: 0, region: '' });
		await Promise.all(Array.from({ length: Math.min(concurrency, regions.length) }, worker));
		bar.stop();
		batch = Date.now() - tBatch;
	} catch (e) {
		bar.stop();
		console.error(`error: ${(e as Error).message}`);
		return 1;
	} finally {
		await browser?.close();
		await server?.stop();
	}
	const failed = results.filter((r) => r.error);
	for (const f of failed) console.error(`failed: ${f.region}: ${f.error}`);
	const ok = results.length - failed.length;
	const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(
		`${ok} of ${regions.length} briefings for ${month} written to ${out}, ${failed.length} failed; ` +
			`total ${secs(Date.now() - t0)} (start ${secs(setup)}, printing ${secs(batch)}, ` +
			`${(batch / Math.max(1, results.length) / 1000).toFixed(2)} s per briefing at concurrency ${concurrency})`
	);
	return failed.length ? 1 : 0;
}

process.exitCode = await main();
