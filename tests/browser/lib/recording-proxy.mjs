// A recording HTTP proxy on 127.0.0.1 for the Firefox privacy check: Firefox sends every request
// through it (CONNECT host:port for TLS, absolute URLs for plain HTTP). Tunnels to the mail hosts
// go to the fixture server; everything else is recorded and refused, so nothing leaves the machine.
import http from 'node:http';
import net from 'node:net';
import { MAIL_HOSTS } from './fixture-server.mjs';

export async function startRecordingProxy({ fixturePort }) {
  const attempts = []; // { time, kind: 'connect' | 'http', host, port, url }
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    // Plain-HTTP proxying: never forwarded (the fixtures are HTTPS only).
    let host = '';
    try { host = new URL(req.url).hostname; } catch { /* not absolute */ }
    attempts.push({ time: Date.now(), kind: 'http', host, port: 80, url: req.url });
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    res.end('codeguard test proxy: refused\n');
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('connect', (req, client, head) => {
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url || '');
    const host = m ? m[1].toLowerCase() : String(req.url);
    const port = m ? Number(m[2]) : 0;
    attempts.push({ time: Date.now(), kind: 'connect', host, port, url: req.url });
    client.on('error', () => {});
    if (!(MAIL_HOSTS.includes(host) && (port === 443 || port === fixturePort))) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head && head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    attempts,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
