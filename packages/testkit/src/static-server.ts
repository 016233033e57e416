import { join } from "node:path";
import sirv from "sirv";
import { type TestServer, startServer } from "./local-server.js";

/**
 * Serves the files of `dir` on 127.0.0.1 (a built docs site, a page and its bundles), read from disk on
 * each request; anything else is a 404. The test starts it and must close it.
 */
export function serveDirectory(dir: string): Promise<TestServer> {
  const serve = sirv(join(dir), { dev: true, dotfiles: false });
  return startServer((req, res) => {
    serve(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
}
