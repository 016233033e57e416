// Runs a README's "## Quick start" ```ts block as written: TypeScript → JavaScript with esbuild, the
// package's import bound to the module under test, the reader's own variables passed in, `process.env` and
// `console` supplied (console output is captured). Tests use it to run the quick start against a mock.
import { readFileSync } from "node:fs";
import { transform } from "esbuild";

export interface QuickStartRun {
  /** The README to read. */
  readme: URL;
  /** The package the block imports from, e.g. `@oauth-kit/alpaca`. */
  packageName: string;
  /** The module under test that stands in for the package. */
  module: object;
  /** Variables the block uses without defining them (the reader's own code). */
  inputs?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Names of variables the block defines, returned after it ran. */
  returns?: string[];
}

export interface QuickStartResult {
  /** Arguments of every console.log call. */
  logs: unknown[][];
  values: Record<string, unknown>;
}

/** The first ```ts block under "## Quick start". */
export function quickStartBlock(readme: URL): string {
  const text = readFileSync(readme, "utf8");
  const section = text.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`${readme.pathname} has no \`\`\`ts block under "## Quick start"`);
  return block;
}

export async function runQuickStart(run: QuickStartRun): Promise<QuickStartResult> {
  const { code } = await transform(quickStartBlock(run.readme), { loader: "ts", format: "esm" });
  const escaped = run.packageName.replace(/[/.-]/g, (c) => `\\${c}`);
  const imports = new RegExp(`^import \\{([^}]+)\\} from "${escaped}";$`, "gm");
  let body = code.replace(imports, "const {$1} = __module;");
  if (/^import /m.test(body)) throw new Error(`the quick start imports something other than ${run.packageName}`);
  const logs: unknown[][] = [];
  const returns = run.returns ?? [];
  body += `\nreturn { ${returns.join(", ")} };`;
  const inputs = Object.entries(run.inputs ?? {});
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Record<string, unknown>>;
  const execute = new AsyncFunction("__module", "process", "console", ...inputs.map(([name]) => name), body);
  const console = { log: (...args: unknown[]) => logs.push(args) };
  const values = await execute(run.module, { env: run.env ?? {} }, console, ...inputs.map(([, value]) => value));
  return { logs, values };
}
