// A vitest setup file (see vitest.config.ts): a promise whose rejection was handled only after Node had
// already reported it as unhandled makes Node print a PromiseRejectionHandledWarning. That is a test bug
// (an assertion attached too late, e.g. after fake time was advanced) that vitest itself does not fail on,
// so every test file fails here when it caused one.

import { afterAll, expect } from "vitest";

const late: string[] = [];
process.on("warning", (warning) => {
  if (warning.name === "PromiseRejectionHandledWarning") late.push(warning.stack ?? warning.message);
});

afterAll(async () => {
  // The warning is emitted on a later tick than the late handler that caused it.
  await new Promise((resolve) => setImmediate(resolve));
  expect(late, "rejections handled only after they were reported as unhandled").toEqual([]);
});
