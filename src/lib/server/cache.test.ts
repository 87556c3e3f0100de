import { describe, expect, it } from 'vitest';
import { Lru, memo } from './cache';

describe('Lru + memo', () => {
	it('evicts the least recently used entry', () => {
		const c = new Lru<number>(2);
		c.set('a', 1);
		c.set('b', 2);
		expect(c.get('a')).toBe(1); // a is now the most recent
		c.set('c', 3);
		expect(c.peek('b')).toBeUndefined();
		expect(c.peek('a')).toBe(1);
		expect(c.size).toBe(2);
	});

	it('runs once per key, shares the promise, and forgets failures', async () => {
		const c = new Lru<Promise<number>>(10);
		let calls = 0;
		const f = () => Promise.resolve(++calls);
		expect(await Promise.all([memo(c, 'k', f), memo(c, 'k', f)])).toEqual([1, 1]);
		expect(calls).toBe(1);
		await expect(memo(c, 'bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		await Promise.resolve();
		expect(c.peek('bad')).toBeUndefined();
		expect(await memo(c, 'bad', f)).toBe(2);
	});
});
