// A small round-robin reverse proxy on loopback, standing in for nginx in the scale-out test. Like
// nginx's default `proxy_next_upstream error`, a request whose upstream refuses the connection is
// sent to the next one (it never reached a backend); a connection lost mid-request answers 502.
import { Agent, request as httpRequest, createServer } from 'node:http';

export function startProxy(upstreams) {
  // A connection per request: a dead upstream is then seen as a refused connection, never a reused one.
  const agent = new Agent({ keepAlive: false });
  let next = 0;
  const counts = upstreams.map(() => 0);
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const first = next++;
      const tryUpstream = (attempt) => {
        const i = (first + attempt) % upstreams.length;
        const target = new URL(upstreams[i]);
        const up = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            agent,
            headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress, connection: 'close' },
          },
          (upRes) => {
            counts[i] += 1;
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
          },
        );
        up.on('error', (error) => {
          if (error.code === 'ECONNREFUSED' && attempt + 1 < upstreams.length) return tryUpstream(attempt + 1);
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ statusCode: 502, code: 'BAD_GATEWAY' }));
          } else res.destroy();
        });
        up.end(body);
      };
      tryUpstream(0);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        counts,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
