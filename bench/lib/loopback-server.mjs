// The loopback server of bench/throughput.bench.mjs, run in its own process so its work does not share
// the benchmark's event loop. Keep-alive node:http on 127.0.0.1, a random port; answers every request
// with a small JSON body after reading the request body. Prints `listening <port>` on stdout; exits when
// its parent closes stdin (or dies), and after LIFETIME_MS in any case.
import { createServer } from "node:http";

const LIFETIME_MS = 5 * 60_000;
const body = Buffer.from(JSON.stringify({ id: "bench", name: "bench", status: "ACTIVE", scopes: ["read"] }));

const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    response.end(body);
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
setTimeout(stop, LIFETIME_MS).unref();
