const t0 = performance.now();
const mark = (l) => console.log(l, (performance.now() - t0).toFixed(1));
await import("ajv/dist/2020.js"); mark("ajv");
await import("ajv-formats"); mark("ajv-formats");
const { startMockProvider } = await import("/work/wt/mock-bound/packages/mock/dist/index.js"); mark("index");
const mock = await startMockProvider(process.argv[2] ?? "alpaca"); mark("start");
await (await fetch(mock.baseUrl + "/__nothing__")).arrayBuffer(); mark("first answer");
await mock.close();
