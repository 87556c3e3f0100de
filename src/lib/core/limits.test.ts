import { expect, it } from 'vitest';
import { bodyLimitEnv, MULTIPART_SLACK, parseByteSize, uploadMaxBytes } from './limits';

it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
	expect(parseByteSize('512K')).toBe(512 * 1024);
	expect(parseByteSize('60m')).toBe(60 * 1024 * 1024);
	expect(parseByteSize('1G')).toBe(1024 ** 3);
	expect(parseByteSize('1000')).toBe(1000);
	expect(parseByteSize('Infinity')).toBe(Infinity);
});

it('never promises a larger upload than the server reads', () => {
	// The README's `npm start` before the fix: 50 MB promised, adapter-node's 512K default read.
	expect(uploadMaxBytes({ TELAAH_UPLOAD_MAX_MB: '50' })).toBe(512 * 1024 - MULTIPART_SLACK);
	const env = { TELAAH_UPLOAD_MAX_MB: '50', ...bodyLimitEnv({ TELAAH_UPLOAD_MAX_MB: '50' }) };
	expect(uploadMaxBytes(env)).toBe(50 * 1024 * 1024);
	expect(bodyLimitEnv({ BODY_SIZE_LIMIT: '5M' })).toEqual({});
	expect(uploadMaxBytes({ TELAAH_UPLOAD_MAX_MB: '50', BODY_SIZE_LIMIT: '5M' })).toBe(5 * 1024 * 1024 - MULTIPART_SLACK);
});
