// The analyst notebooks built by `npm run notebooks` (pipelines/notebooks), served at /notebooks:
// the folder is $TELAAH_NOTEBOOKS_DIR, default notebooks/dist (relative to the working directory).
// It holds data (Arrow files of national aggregates), so only national and admin users may open it
// (auth/guard.ts). Files are served from inside that folder only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { z } from 'zod';

const notebooksDir = () => resolve(process.cwd(), process.env.TELAAH_NOTEBOOKS_DIR || 'notebooks/dist');

const Manifest = z.object({
	built_at: z.string(),
	warehouse: z.string(),
	data_version: z.number().int(),
	as_of: z.string().nullable(),
	notebooks: z.array(
		z.object({ name: z.string().regex(/^[a-z0-9-]+$/), title: z.string(), cells: z.array(z.object({ rows: z.number() })) })
	)
});
export type NotebookManifest = z.infer<typeof Manifest>;

/** The last build's manifest, or null when nothing is built (or the file is not one of ours). */
export function notebookManifest(): NotebookManifest | null {
	const file = resolve(notebooksDir(), 'manifest.json');
	if (!existsSync(file)) return null;
	const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	return parsed.success ? parsed.data : null;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.svg': 'image/svg+xml',
	'.png': 'image/png'
};

/** A built file by its path under /notebooks/, or null: no dot files, no way out of the folder, known types only. */
export function notebookFile(path: string): { file: string; type: string } | null {
	const dir = notebooksDir();
	if (!path || path.split('/').some((part) => part === '' || part.startsWith('.'))) return null;
	const file = resolve(dir, path);
	const type = TYPES[extname(file)];
	if (!type || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
	return { file, type };
}

/**
 * The notebooks' own Content-Security-Policy (SvelteKit sets the app's on its pages only): their
 * scripts, styles, fonts and data come from here; Plot and Inputs set inline styles.
 */
export const NOTEBOOK_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"font-src 'self'",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'"
].join('; ');
