// Request body size, checked before anything reads the body: the declared length when the
// client sends one (adapter-node refuses bodies longer than they declare), else counted on a
// copy of the stream, stopping as soon as it passes the limit.

export async function bodyWithin(request: Request, max: number): Promise<boolean> {
	const declared = request.headers.get('content-length');
	if (declared !== null) return Number(declared) <= max;
	if (!request.body) return true;
	const reader = request.clone().body!.getReader();
	let n = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return true;
		n += value.byteLength;
		if (n > max) {
			await reader.cancel();
			return false;
		}
	}
}
