#!/usr/bin/env node
// oauth-kit-mock <provider> [--port N]: a mock provider on 127.0.0.1 until Ctrl-C. Node only.
import { runCli } from "./cli-main.js";

const mock = await runCli(process.argv.slice(2), (line) => console.log(line));
if (!mock) process.exitCode = 2;
else {
  const stop = () => {
    mock.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
