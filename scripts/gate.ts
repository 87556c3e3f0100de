// The quality gate (`npm run lint`, and the first part of `npm test`): formatting (Prettier,
// check only), lint with the import boundaries (ESLint, eslint.config.js), dead code and
// dependencies (knip: unused files, exports, dependencies; undeclared ones), and svelte-check
// with warnings as failures. Each check runs to the end; the exit code says whether all passed.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

export const CHECKS: { name: string; cmd: string; args: string[] }[] = [
	{ name: 'format (prettier --check)', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
	{ name: 'lint and import boundaries (eslint)', cmd: bin('eslint'), args: ['.'] },
	{ name: 'dead code and dependencies (knip)', cmd: bin('knip'), args: [] },
	{
		name: 'types and Svelte (svelte-check, warnings fail)',
		cmd: bin('svelte-check'),
		args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']
	}
];

/** Runs every check; returns the names of the ones that failed. */
export function runGate(): string[] {
	spawnSync(bin('svelte-kit'), ['sync'], { cwd: root, stdio: 'inherit' });
	const failed: string[] = [];
	for (const c of CHECKS) {
		const t0 = Date.now();
		const r = spawnSync(c.cmd, c.args, { cwd: root, stdio: 'inherit' });
		const ok = r.status === 0;
		console.log(`[gate] ${ok ? 'ok  ' : 'FAIL'} ${c.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		if (!ok) failed.push(c.name);
	}
	return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(runGate().length ? 1 : 0);
