// Response compression for everything the app generates (HTML, CSV, JSON, Arrow, JS and CSS of the
// notebooks): brotli or gzip as the client's Accept-Encoding allows. Streamed bodies stay streamed:
// each chunk is flushed as it is compressed, so a download's first rows leave before the query ends.
// Brotli at quality 4: about gzip's speed with smaller output; 11 would cost seconds per large CSV.
// The app's own static files are precompressed at build time (adapter-node `precompress`).
import { pipeline, Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|vnd\.apache\.arrow)|image\/svg\+xml)/;
/** Below this a known length is not worth a compressor. */
const MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/** The encoding to answer with: brotli, else gzip, unless refused (q=0) or not offered. */
export function negotiate(acceptEncoding: string | null): Encoding | null {
	const offered = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		offered.set(name, q === undefined ? 1 : Number(q));
	}
	const allowed = (enc: Encoding) => (offered.get(enc) ?? (offered.has('*') ? offered.get('*')! : 0)) > 0;
	return allowed('br') ? 'br' : allowed('gzip') ? 'gzip' : null;
}

export function compressed(response: Response, request: Request): Response {
	const type = response.headers.get('Content-Type') ?? '';
	if (!response.body || !COMPRESSIBLE.test(type) || response.headers.has('Content-Encoding')) return response;
	if (request.method === 'HEAD' || response.status < 200 || [204, 206, 304].includes(response.status)) return response;
	const length = response.headers.get('Content-Length');
	if (length !== null && Number(length) < MIN_BYTES) return response;
	const headers = new Headers(response.headers);
	headers.append('Vary', 'Accept-Encoding');
	const encoding = negotiate(request.headers.get('Accept-Encoding'));
	if (!encoding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	const zip =
		encoding === 'br'
			? createBrotliCompress({ flush: constants.BROTLI_OPERATION_FLUSH, params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
			: createGzip({ flush: constants.Z_SYNC_FLUSH });
	// An error or a client that goes away ends both sides (and so the query behind a streamed body).
	pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), zip, () => undefined);
	headers.set('Content-Encoding', encoding);
	headers.delete('Content-Length');
	return new Response(Readable.toWeb(zip) as ReadableStream, { status: response.status, statusText: response.statusText, headers });
}
