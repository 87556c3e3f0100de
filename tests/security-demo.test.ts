// Demo mode (the shared e2e server has no users): no sign-in, every page marked "Mode demo",
// the sign-in page says so, and admin pages stay closed to the demo user.
import { afterAll, describe, expect, it } from 'vitest';
import { openE2E } from './harness';

const e2e = await openE2E();
afterAll(() => e2e.browser.close());

describe('demo mode', () => {
	it('opens every page without sign-in, with the demo banner, and keeps /admin closed', async () => {
		for (const path of ['/', '/tren', '/wilayah', '/instansi', '/aduan']) {
			const r = await fetch(`${e2e.base}${path}`, { redirect: 'manual' });
			expect(r.status, path).toBe(200);
			expect(await r.text(), path).toContain('data-testid="demo-banner"');
		}
		expect((await fetch(`${e2e.base}/api/aduan.csv`)).status).toBe(200);
		expect(await (await fetch(`${e2e.base}/masuk`)).text()).toContain('Mode demo aktif');
		expect((await fetch(`${e2e.base}/admin`, { redirect: 'manual' })).status).toBe(403);
	});

	it('hydrates under the Content-Security-Policy (no CSP violations in the console)', async () => {
		const page = await e2e.browser.newPage();
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
		});
		await page.goto(`${e2e.base}/aduan`);
		await page.waitForLoadState('networkidle');
		const hydrated = await page.evaluate(() => Object.keys(window).some((k) => k.startsWith('__sveltekit_')));
		expect(hydrated).toBe(true);
		const banner = await page.getByTestId('demo-banner').innerText();
		expect(banner).toMatch(/Mode demo/);
		expect(violations).toEqual([]);
		await page.close();
	});
});
