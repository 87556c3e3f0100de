import { expect, it } from 'vitest';
import { themeName } from './themes';

it('names a theme in the UI language, an unknown id as it is', () => {
	expect(themeName('bansos', 'id')).toMatch(/^Bantuan sosial/);
	expect(themeName('bansos', 'en')).toMatch(/^Social assistance/);
	expect(themeName('no_such_theme', 'en')).toBe('no_such_theme');
});
