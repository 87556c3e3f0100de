// Running the built app from a script: build it when build/ is missing or stale, serve it with
// it on a port the system picks (serve-build.mjs) against a warehouse, and launch Debian's Chromium. Shared by
// `npm start`, `npm run briefing` and the e2e harness (tests/harness.ts). The browser itself:
// src/lib/core/chromium.server.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyLimitEnv } from '../../src/lib/core/limits.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Newest modification time under the given files/directories (0 when none exist). */
function newest(paths: string[]): number {
	let max = 0;
	const visit = (p: string) => {
		if (!existsSync(p)) return;
		const st = statSync(p);
		if (st.isDirectory()) {
			for (const name of readdirSync(p)) if (name !== 'node_modules') visit(join(p, name));
		} else if (st.mtimeMs > max) max = st.mtimeMs;
	};
	paths.forEach(visit);
	return max;
}

/** Why build/ must be (re)built, or null when it is newer than every source it is made from. */
export function buildNeeded(root = ROOT): string | null {
	const handler = join(root, 'build/handler.js');
	if (!existsSync(handler)) return 'build/ is missing';
	const sources = ['src', 'static', 'pipelines', 'svelte.config.js', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
	return statSync(handler).mtimeMs < newest(sources) ? 'sources changed since the last build' : null;
}

export const VITE_BUILD = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'];

/** Builds the app (vite build) in `root`; throws when it fails. */
export function build(root = ROOT, stdio: 'inherit' | 'pipe' = 'inherit'): void {
	const r = spawnSync(process.execPath, VITE_BUILD, { cwd: root, stdio, encoding: 'utf8' });
	if (r.error) throw new Error(`vite build could not start: ${r.error.message}`);
	if (r.status !== 0) throw new Error(`vite build failed (exit code ${r.status ?? r.signal})${stdio === 'pipe' ? `:\n${r.stderr}` : ''}`);
}

/** The environment the built app runs with: the given one plus a BODY_SIZE_LIMIT that fits uploads (core/limits.ts). */
export const serverEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, ...bodyLimitEnv(env) });

export interface RunningServer {
	origin: string;
	child: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

const SERVE = join(ROOT, 'pipelines/lib/serve-build.mjs');

/** Serves `root`'s build/ on a loopback port the system picks for warehouse `db`; resolves once it answers HTTP. */
export async function startServer(
	db: string,
	opts: { root?: string; timeoutMs?: number; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	const root = opts.root ?? ROOT;
	const timeoutMs = opts.timeoutMs ?? 30_000;
	const child = spawn(process.execPath, [SERVE], {
		cwd: root,
		env: serverEnv({ ...process.env, HOST: '127.0.0.1', TELAAH_DB: db, ...opts.env }),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	// The origin the server prints once it listens (serve-build.mjs).
	const heard: { origin: string | null } = { origin: null };
	child.stdout?.on('data', (d) => {
		out += d;
		heard.origin ??= /^listening (http:\/\/\S+)$/m.exec(out)?.[1] ?? null;
	});
	child.stderr?.on('data', (d) => (out += d));
	const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
		if (heard.origin) {
			try {
				const r = await fetch(`${heard.origin}/robots.txt`);
				if (r.ok) break;
			} catch {
				/* not answering yet */
			}
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`server did not answer within ${timeoutMs} ms:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return { origin: heard.origin!, child, output: () => out, stop };
}
