// The small load balancer of `npm run bench -- --instances N`: round robin over the app instances,
// keep-alive to each, nothing else (no sticky sessions: an instance must not need them). What an
// operator puts in front of several instances (nginx, a cloud balancer) does the same job.
import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import { cleanupStep, freePort } from "./processes";

export async function startBalancer(backends: string[]) {
  if (!backends.length) throw new Error("The balancer needs at least one instance");
  const targets = backends.map((b) => new URL(b));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const target = targets[next++ % targets.length];
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const stop = cleanupStep(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  );
  return { base: `http://127.0.0.1:${port}`, stop };
}
