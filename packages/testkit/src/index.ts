export { useNock } from "./use-nock.js";
export { recordingFetch, type RecordedRequest } from "./recording-fetch.js";
export {
  describeSpecOperations,
  loadSpec,
  type SignatureCredential,
  type SpecCredential,
  type SpecOperationsOptions,
} from "./spec-operations.js";
export { startServer, closedPort, type TestServer } from "./local-server.js";
export { startRedisServer, type RedisServer } from "./redis-server.js";
export { startRotatingAuthServer, type RotatingAuthServer } from "./rotating-auth-server.js";
export { bundleWorker } from "./bundle-worker.js";
export { runCluster, runClusterTimed, startWorker, workerScript, removeWorkerScript, type Worker, type WorkerResult } from "./cluster.js";
export { useRedisServer } from "./use-redis-server.js";
export { runQuickStart, quickStartBlock, type QuickStartRun, type QuickStartResult } from "./quick-start.js";
export { launchChromium, openInChromium, watchPage, CHROMIUM_EXECUTABLE, CHROMIUM_FLAGS, type Browser, type Page } from "./chromium.js";
export { serveDirectory } from "./static-server.js";
export { browserModulePage, bundleForBrowser, workspaceSourceAliases } from "./browser-bundle.js";
export { operationsAnswered } from "./operations-answered.js";
