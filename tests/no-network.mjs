// Preloaded (NODE_OPTIONS=--import) into a command that must work offline: any TCP connection or
// DNS lookup to a host other than this machine is refused and written to $NO_NETWORK_LOG.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const LOG = process.env.NO_NETWORK_LOG;
const local = (host) => !host || host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
const refuse = (what) => {
	if (LOG) appendFileSync(LOG, `${process.pid} ${what}\n`);
	return new Error(`network access refused in an offline run: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
	const o =
		typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
	if (!o.path && !local(o.host)) throw refuse(`connect ${o.host}:${o.port}`);
	return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
	if (!local(host)) throw refuse(`dns ${host}`);
	return lookup.call(this, host, ...rest);
};
