// `npm run briefing` on a clone without a warehouse: it says so at once, before building or
// starting the app (which takes half a minute there), and writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../warehouse/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'telaah-briefing-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
	spawnSync(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), [resolve(REPO_ROOT, 'pipelines/briefing/cli.ts'), ...args], {
		encoding: 'utf8',
		cwd: REPO_ROOT,
		timeout: 120_000
	});

describe('npm run briefing without a warehouse', () => {
	it('names the missing file and how to make one, without building, starting or writing anything', () => {
		const db = join(dir, 'none.duckdb');
		const out = join(dir, 'out');
		const r = cli('--month', '2024-01', '--region', '36', '--out', out, '--db', db);
		expect(r.status, r.stdout + r.stderr).toBe(1);
		expect(r.stderr).toContain(`no warehouse at ${db}`);
		expect(r.stderr).toContain('npm run ingest');
		expect(r.stderr).not.toMatch(/building the app|briefings for/);
		expect(existsSync(out)).toBe(false);
		expect(existsSync(db)).toBe(false);
	});
});
