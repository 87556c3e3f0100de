import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressed, negotiate } from './compress';

const req = (accept: string | null, method = 'GET') =>
	new Request('http://x/', { method, headers: accept ? { 'Accept-Encoding': accept } : {} });
const csv = 'a,b\r\n' + '1,Jawa Barat\r\n'.repeat(2000);

describe('compression', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(negotiate('gzip, deflate, br')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(negotiate('*')).toBe('br');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate(null)).toBeNull();
	});

	it('compresses a text body the client accepts, and says so', async () => {
		for (const [accept, decode] of [
			['gzip', gunzipSync],
			['br', brotliDecompressSync]
		] as const) {
			const r = compressed(new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }), req(accept));
			expect(r.headers.get('Content-Encoding')).toBe(accept);
			expect(r.headers.get('Vary')).toMatch(/Accept-Encoding/);
			const body = Buffer.from(await r.arrayBuffer());
			expect(body.length).toBeLessThan(csv.length / 10);
			expect(decode(body).toString()).toBe(csv);
		}
	});

	it('keeps a streamed body streaming: the first chunk arrives before the source ends', async () => {
		let release!: () => void;
		const gate = new Promise<void>((ok) => (release = ok));
		const src = new ReadableStream<Uint8Array>({
			async start(c) {
				c.enqueue(new TextEncoder().encode(csv));
				await gate;
				c.close();
			}
		});
		const r = compressed(new Response(src, { headers: { 'Content-Type': 'text/csv' } }), req('gzip'));
		const first = await r.body!.getReader().read();
		expect(first.value!.length).toBeGreaterThan(0);
		release();
	});

	it('leaves alone what is binary, tiny, already encoded, or not asked for', () => {
		const xlsx = new Response('x'.repeat(5000), {
			headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
		});
		expect(compressed(xlsx, req('gzip'))).toBe(xlsx);
		const tiny = new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Content-Length': '2' } });
		expect(compressed(tiny, req('gzip'))).toBe(tiny);
		expect(
			compressed(new Response(csv, { headers: { 'Content-Type': 'text/csv' } }), req(null)).headers.get('Content-Encoding')
		).toBeNull();
		expect(
			compressed(new Response(csv, { headers: { 'Content-Type': 'text/csv' } }), req('gzip', 'HEAD')).headers.get('Content-Encoding')
		).toBeNull();
	});
});
