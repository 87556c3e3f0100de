import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { isRevoked, revoke } from './revocations';

const dir = mkdtempSync(join(tmpdir(), 'telaah-revoked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps signed-out tokens in a file (a restart reads it back) and forgets expired ones', async () => {
	const path = join(dir, 'a', 'revoked.json');
	const now = Date.now() / 1000;
	expect(isRevoked(path, 'tok-1')).toBe(false);
	revoke(path, 'tok-1', now + 3600, now);
	revoke(path, 'tok-old', now + 1, now);
	expect(isRevoked(path, 'tok-1')).toBe(true);
	// What a restarted server sees: a fresh module reading the same file.
	vi.resetModules();
	const fresh = await import('./revocations');
	expect(fresh.isRevoked(path, 'tok-1')).toBe(true);
	expect(fresh.isRevoked(path, 'tok-2')).toBe(false);
	revoke(path, 'tok-2', now + 3600, now + 10);
	expect(isRevoked(path, 'tok-old')).toBe(false);
	expect(isRevoked(path, 'tok-2')).toBe(true);
	// The file holds hashes, never a usable token.
	expect((await import('node:fs')).readFileSync(path, 'utf8')).not.toContain('tok-1');
});
