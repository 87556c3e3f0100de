// Printing a briefing page (/briefing/[region]/[month]) to an A4 PDF with Chromium. Used by the
// batch CLI (cli.ts) and by the server's download endpoint (/api/briefing/[region]/[month].pdf),
// so both make the same PDF. `printBriefing` is the ONE place that fetches briefing pages: a
// sign-in cookie or header goes into the context made by `briefingContext`.
import type { Browser, BrowserContext } from 'playwright-core';

/** What a request for a briefing page carries to authenticate (none in demo mode). */
export interface BriefingAuth {
	/** Extra HTTP headers on every request of the context, e.g. { cookie: 'session=…' } or { authorization: 'Bearer …' }. */
	headers?: Record<string, string>;
}

/** A browser context for fetching briefing pages, with the auth headers on every request. */
export function briefingContext(browser: Browser, auth: BriefingAuth = {}): Promise<BrowserContext> {
	return browser.newContext({
		extraHTTPHeaders: auth.headers,
		// Screen-independent: the page is laid out by its @page rules.
		viewport: { width: 800, height: 1100 }
	});
}

export class BriefingHttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		/** The error page's text (the reason the app gave). */
		readonly detail: string
	) {
		super(message);
	}
}

const FOOTER_LABEL = { id: 'Halaman', en: 'Page', of: { id: 'dari', en: 'of' } } as const;

/** Chromium's footer template: the briefing's name and "Halaman X dari Y" on every page. */
function footerTemplate(title: string, lang: 'id' | 'en'): string {
	const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	return `<div style="width:100%;font-size:7pt;color:#52606d;padding:0 14mm;display:flex;justify-content:space-between;font-family:sans-serif">
<span>${esc(title)}</span><span>${FOOTER_LABEL[lang]} <span class="pageNumber"></span> ${FOOTER_LABEL.of[lang]} <span class="totalPages"></span></span></div>`;
}

/**
 * Loads the briefing at `url` in a new page of `context` and prints it, with the page title and
 * "Halaman X dari Y" in the footer. Throws BriefingHttpError
 * when the server answers with an error (400 bad parameters, 404 unknown region or month, …).
 */
export async function printBriefing(
	context: BrowserContext,
	url: string,
	opts: { lang: 'id' | 'en'; timeoutMs?: number }
): Promise<Buffer> {
	const page = await context.newPage();
	try {
		const response = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs ?? 60_000 });
		if (!response) throw new Error(`no response for ${url}`);
		if (!response.ok()) {
			const text = (
				await page
					.locator('main')
					.innerText({ timeout: 2_000 })
					.catch(() => '')
			)
				.replace(/\s+/g, ' ')
				.trim()
				.slice(0, 300);
			throw new BriefingHttpError(response.status(), `${url}: HTTP ${response.status()}${text ? ` — ${text}` : ''}`, text);
		}
		// The @font-face fonts must be in before printing, or Chromium falls back to system fonts.
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		return await page.pdf({
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			// The page's <title> (area · month · briefing) names every printed page.
			footerTemplate: footerTemplate(await page.title(), opts.lang),
			margin: { top: '14mm', right: '14mm', bottom: '16mm', left: '14mm' }
		});
	} finally {
		await page.close();
	}
}
