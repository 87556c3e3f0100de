// GET /api/briefing/[region]/[month].pdf: the monthly briefing as a PDF, printed on demand by
// the server's shared Chromium (src/lib/server/briefing-pdf.ts) from /briefing/[region]/[month].
// Bad parameters answer 400, an unknown region or a month outside the data 404, as the page does.
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { briefingFileName } from '$lib/core/briefing';
import { translate } from '$lib/i18n';
import { briefingPdf } from '$lib/server/briefing-pdf';
import { briefingScopeOr4xx } from '$lib/server/queries/briefing';
import { requestLang } from '$lib/server/lang';
import { BriefingHttpError } from '$lib/core/briefing-print.server';
import type { RequestHandler } from './$types';

/**
 * Where this server can reach itself: adapter-node listens on HOST:PORT (loopback when it
 * listens on every interface); `vite dev` has no PORT, the request's own origin works there.
 * TELAAH_INTERNAL_ORIGIN overrides both (e.g. behind a socket path).
 */
function selfOrigin(requestOrigin: string): string {
	if (env.TELAAH_INTERNAL_ORIGIN) return env.TELAAH_INTERNAL_ORIGIN.replace(/\/+$/, '');
	if (!env.PORT) return requestOrigin;
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
	return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
}

export const GET: RequestHandler = async (event) => {
	const lang = requestLang(event);
	const { region, month } = event.params;
	// 400/404 answered here, before a browser is started.
	await briefingScopeOr4xx(region, month, lang);
	const url = `${selfOrigin(event.url.origin)}/briefing/${region}/${month}?lang=${lang}`;
	let pdf: Buffer;
	try {
		pdf = await briefingPdf(url, lang, event.request.headers.get('cookie'));
	} catch (e) {
		if (e instanceof BriefingHttpError)
			error(e.status, { code: e.status === 404 ? 'not_found' : 'briefing_failed', message: e.detail || `HTTP ${e.status}` });
		error(503, {
			code: 'briefing_failed',
			message: translate(lang, 'briefing.pdfFailed', { reason: (e as Error).message.split('\n')[0]!.slice(0, 200) })
		});
	}
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${briefingFileName(region, month)}"`,
			'cache-control': 'private, max-age=300'
		}
	});
};
