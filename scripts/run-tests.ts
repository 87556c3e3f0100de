// `npm test`: build the app (the e2e tests serve build/), run every vitest project, and end
// with ONE summary line that CI reads: `N passed, N failed` (+ `, N skipped` when any).
// Extra arguments go to vitest: `npm test -- tests/overview.test.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, runGate } from './gate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const REPORT = 'test-results/vitest.json';

interface Assertion {
	status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
}
interface FileResult {
	name: string;
	status: string;
	message?: string;
	assertionResults: Assertion[];
}
interface Report {
	success: boolean;
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	testResults: FileResult[];
}

mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });

// The quality gate first (scripts/gate.ts): each of its checks counts as one test in the summary.
// Skipped when only some test files are asked for (`npm test -- tests/x.test.ts`).
const gate = process.argv.length > 2 ? null : runGate();

console.log('[test] vite build');
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
	stdio: 'inherit'
});
const env = { ...process.env };
if (build.status !== 0) {
	// Never let the e2e tests run against a stale build/: they fail with this reason instead.
	console.error(`[test] vite build failed (exit code ${build.status ?? build.signal}); e2e tests will fail`);
	env.TELAAH_BUILD_FAILED = '1';
}

console.log('[test] vitest run');
const vitest = spawnSync(
	process.execPath,
	[
		'node_modules/vitest/vitest.mjs',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${REPORT}`,
		...process.argv.slice(2)
	],
	{ stdio: 'inherit', env }
);

let passed = 0;
let failed = 0;
let skipped = 0;
const notes: string[] = [];
if (existsSync(REPORT)) {
	const r = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
	passed = r.numPassedTests;
	failed = r.numFailedTests;
	skipped = r.numPendingTests + r.numTodoTests;
	// A file that failed without a failing test (import error, failing beforeAll) counts once.
	for (const f of r.testResults) {
		if (f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')) {
			failed += 1;
			notes.push(`file failed outside a test: ${f.name.replace(root + '/', '')}: ${(f.message ?? '').split('\n')[0]}`);
		}
	}
	if (!r.success && failed === 0) {
		failed = 1;
		notes.push('vitest reported the run as unsuccessful (errors outside tests, e.g. global setup)');
	}
} else {
	notes.push('vitest wrote no report');
}
if (vitest.status !== 0 && failed === 0) {
	failed = 1;
	notes.push(`vitest exited with ${vitest.status ?? vitest.signal} without a failing test: counted as one failure`);
}
if (gate) {
	passed += CHECKS.length - gate.length;
	failed += gate.length;
	for (const g of gate) notes.push(`quality gate failed: ${g}`);
}
for (const n of notes) console.log(`[test] ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
