// Serves the built app (build/handler.js under the working directory) on a port the operating
// system picks, and prints `listening <origin>` once it answers: the scripts that start a server
// (tests, the briefing CLI, the bench) read the port from it instead of probing for a free one and
// releasing it, which another process can take in between. ORIGIN (adapter-node reads it when the
// handler loads) is the loopback origin unless given. Plain JavaScript: `node` runs it as it is.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const host = process.env.HOST || '127.0.0.1';
const server = createServer();
server.listen(0, host, async () => {
	const address = server.address();
	const origin = `http://${host}:${typeof address === 'object' && address ? address.port : 0}`;
	process.env.ORIGIN ||= origin;
	const { handler } = await import(pathToFileURL(resolve('build/handler.js')).href);
	server.on('request', (req, res) =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		})
	);
	console.log(`listening ${origin}`);
});

// As adapter-node's own server: stop taking requests, then let the app close what it holds.
const stop = (reason) => {
	server.closeIdleConnections();
	server.close(() => {
		process.emit('sveltekit:shutdown', reason);
		process.exit(0);
	});
	setTimeout(() => server.closeAllConnections(), 5_000).unref();
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
