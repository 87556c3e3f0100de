// The built notebooks' pages and assets (see lib/server/notebooks.ts); national and admin users only (auth/guard.ts).
import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { NOTEBOOK_CSP, notebookFile } from '$lib/server/notebooks';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	const found = notebookFile(params.path);
	if (!found) error(404, 'Not found');
	return new Response(readFileSync(found.file), {
		headers: { 'Content-Type': found.type, 'Content-Security-Policy': NOTEBOOK_CSP, 'Cache-Control': 'no-store' }
	});
};
