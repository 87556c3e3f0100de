// The user store: a small JSON file beside the warehouse (not inside it: the dashboard opens the
// warehouse read-only and the ETL is its only writer). Written atomically (temp file + rename)
// by `npm run user`; the server re-reads it when its mtime changes (src/lib/server/auth/users.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

export const ROLES = ['nasional', 'provinsi', 'daerah', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const UserSchema = z
	.object({
		name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/),
		role: z.enum(ROLES),
		/** province code for `provinsi`, kab/kota code for `daerah`, null otherwise */
		region: z.string().regex(/^\d{2}(\.\d{2})?$/).nullable(),
		hash: z.string(),
		created: z.string()
	})
	.refine((u) => (u.role === 'provinsi' ? /^\d{2}$/.test(u.region ?? '') : u.role === 'daerah' ? /^\d{2}\.\d{2}$/.test(u.region ?? '') : u.region === null), {
		message: 'provinsi needs a province code (36), daerah a kab/kota code (36.03), other roles none'
	});
export type User = z.infer<typeof UserSchema>;
const FileSchema = z.object({ version: z.literal(1), users: z.array(UserSchema) });

/**
 * Where the auth files live: beside the warehouse (`$TELAAH_DB`, default data/telaah.duckdb),
 * or in `$TELAAH_AUTH_DIR`. Each warehouse thus has its own users, session key and audit log.
 */
export function authFiles(env: NodeJS.ProcessEnv = process.env) {
	const dir = env.TELAAH_AUTH_DIR ? resolve(env.TELAAH_AUTH_DIR) : dirname(resolve(process.cwd(), env.TELAAH_DB || 'data/telaah.duckdb'));
	return { dir, users: join(dir, 'users.json'), sessionKey: join(dir, 'session.key'), audit: join(dir, 'audit.log') };
}

export function readUsers(path: string): User[] {
	if (!existsSync(path)) return [];
	return FileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).users;
}

export function writeUsers(path: string, users: User[]): void {
	const body = JSON.stringify(FileSchema.parse({ version: 1, users }), null, '\t') + '\n';
	const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	writeFileSync(tmp, body, { mode: 0o600 });
	renameSync(tmp, path);
}

export function validUser(u: User): User {
	return UserSchema.parse(u);
}
