// On-demand briefing PDFs for the download button: one headless Chromium per server process,
// launched on the first request, closed after a few idle minutes and on shutdown. The PDF is
// printed from the server's own briefing page (pipelines/briefing/pdf.ts, the same code as the
// batch CLI), fetched over loopback with the visitor's cookies, so whatever the visitor may not
// see, the PDF does not show either.
import type { Browser } from 'playwright-core';
import { launchBrowser } from '$lib/core/chromium.server';
import { briefingContext, printBriefing } from '$lib/core/briefing-print.server';

const IDLE_MS = 5 * 60_000;
// Two cores are shared with DuckDB: at most this many pages print at once; others wait.
const MAX_PARALLEL = 2;

const KEY = Symbol.for('telaah.briefingBrowser');
type Holder = { browser?: Promise<Browser>; idle?: NodeJS.Timeout; running: number; waiting: (() => void)[]; hooked?: boolean };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? { running: 0, waiting: [] };
(globalThis as Record<symbol, unknown>)[KEY] = holder;

async function closeBrowser(): Promise<void> {
	const pending = holder.browser;
	holder.browser = undefined;
	clearTimeout(holder.idle);
	const b = await pending?.catch(() => undefined);
	await b?.close().catch(() => undefined);
}

function browser(): Promise<Browser> {
	if (!holder.hooked) {
		holder.hooked = true;
		// adapter-node's graceful shutdown; plain exits kill the child with the process group.
		process.once('sveltekit:shutdown' as 'exit', () => void closeBrowser());
	}
	if (!holder.browser) {
		holder.browser = launchBrowser().then((b) => {
			b.on('disconnected', () => {
				if (holder.browser) holder.browser = undefined;
			});
			return b;
		});
		holder.browser.catch(() => (holder.browser = undefined));
	}
	return holder.browser;
}

async function slot<T>(fn: () => Promise<T>): Promise<T> {
	if (holder.running >= MAX_PARALLEL) await new Promise<void>((ok) => holder.waiting.push(ok));
	holder.running++;
	clearTimeout(holder.idle);
	try {
		return await fn();
	} finally {
		holder.running--;
		holder.waiting.shift()?.();
		if (holder.running === 0) holder.idle = setTimeout(() => void closeBrowser(), IDLE_MS).unref();
	}
}

/** Prints the briefing page at `url`, sending `cookie` (the visitor's) with every request. */
export function briefingPdf(url: string, lang: 'id' | 'en', cookie: string | null): Promise<Buffer> {
	return slot(async () => {
		const context = await briefingContext(await browser(), cookie ? { headers: { cookie } } : {});
		try {
			return await printBriefing(context, url, { lang });
		} finally {
			await context.close();
		}
	});
}
