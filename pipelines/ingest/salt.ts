import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Reporter hashes are salted with a secret kept beside, never inside, the warehouse. */
export function reporterSalt(db: string): string {
	if (process.env.TELAAH_REPORTER_SALT) return process.env.TELAAH_REPORTER_SALT;
	const file = `${db}.salt`;
	if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}
