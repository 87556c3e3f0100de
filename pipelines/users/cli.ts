// npm run user -- add <name> --role nasional|provinsi|daerah|admin [--region CODE]
//                 list | remove <name> | passwd <name>      [--db PATH]
// Users live in users.json beside the warehouse (see store.ts). Passwords are read from stdin
// (first line) or prompted for without echo: never from argv, which other users can see in ps.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { readCsv } from '../../src/lib/core/csv.ts';
import { hashPassword } from '../../src/lib/core/password.server.ts';
import {
	adoptLegacyAuth,
	authFiles,
	canonicalUserName,
	readUsers,
	ROLES,
	validUser,
	writeUsers,
	type Role
} from '../../src/lib/core/users.server.ts';

const USAGE = `usage: npm run user -- add <name> --role ${ROLES.join('|')} [--region CODE] [--db PATH]
       npm run user -- list | remove <name> | passwd <name> [--db PATH]
The password is read from stdin (first line) or prompted for; at least 10 characters.`;

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		let text = '';
		for await (const chunk of process.stdin) text += chunk;
		return text.split(/\r?\n/)[0] ?? '';
	}
	const mute = new Writable({ write: (_c, _e, cb) => cb() });
	process.stderr.write('Kata sandi / password: ');
	const rl = createInterface({ input: process.stdin, output: mute, terminal: true });
	const pw = await new Promise<string>((ok) => rl.question('', ok));
	rl.close();
	process.stderr.write('\n');
	return pw;
}

async function newHash(): Promise<string> {
	const pw = await readPassword();
	if (pw.length < 10) throw new UsageError('password too short (at least 10 characters)');
	return hashPassword(pw);
}

class UsageError extends Error {}

/** Province and kab/kota codes of the reference data shipped with the app. */
function knownRegion(code: string): boolean {
	const ref = new URL('../../data/reference/', import.meta.url);
	return ['provinces.csv', 'regencies.csv'].some((f) =>
		readCsv(readFileSync(new URL(f, ref), 'utf8'), f)
			.slice(1)
			.some((cells) => cells[0] === code)
	);
}

async function main(argv: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { role: { type: 'string' }, region: { type: 'string' }, db: { type: 'string' } }
	});
	const env = values.db ? { ...process.env, TELAAH_DB: values.db } : process.env;
	const files = authFiles(env);
	if (adoptLegacyAuth(files)) console.error(`users of an earlier version copied from ${files.legacyDir} into ${files.dir}`);
	const { users: path } = files;
	const users = readUsers(path);
	const [cmd, raw] = positionals;
	const name = raw === undefined ? undefined : canonicalUserName(raw);
	const find = () => {
		const i = users.findIndex((u) => u.name === name);
		if (!name || i < 0) throw new UsageError(`no user "${name ?? ''}"`);
		return i;
	};
	switch (cmd) {
		case 'list':
			for (const u of users) console.log(`${u.name}\t${u.role}\t${u.region ?? '-'}\t${u.created}`);
			if (!users.length) console.log('(no users: the dashboard runs in demo mode)');
			return;
		case 'add': {
			if (!name) throw new UsageError('add needs a user name');
			if (users.some((u) => u.name === name)) throw new UsageError(`user "${name}" exists (use passwd)`);
			if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
			if (values.region && !knownRegion(values.region)) throw new UsageError(`unknown region code "${values.region}"`);
			let user;
			try {
				user = validUser({
					name,
					role: values.role as Role,
					region: values.region ?? null,
					hash: await newHash(),
					created: new Date().toISOString()
				});
			} catch (e) {
				throw e instanceof UsageError ? e : new UsageError(`invalid user: ${(e as Error).message}`);
			}
			writeUsers(path, [...users, user]);
			console.log(`added ${name} (${user.role}${user.region ? ` ${user.region}` : ''}) to ${path}`);
			return;
		}
		case 'remove': {
			const i = find();
			writeUsers(
				path,
				users.filter((_, j) => j !== i)
			);
			console.log(`removed ${name}${users.length === 1 ? ' (no users left: demo mode)' : ''}`);
			return;
		}
		case 'passwd': {
			const i = find();
			// A new hash also ends the user's open sessions (they carry a stamp of the hash).
			users[i] = { ...users[i]!, hash: await newHash() };
			writeUsers(path, users);
			console.log(`password changed for ${name}`);
			return;
		}
		default:
			throw new UsageError(cmd ? `unknown command "${cmd}"` : 'no command');
	}
}

main(process.argv.slice(2)).catch((e: unknown) => {
	if (e instanceof UsageError || (e instanceof Error && e.name === 'TypeError' && 'code' in e)) {
		console.error(`${e.message}\n${USAGE}`);
		process.exit(2);
	}
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
