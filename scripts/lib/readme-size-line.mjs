// The "Size" line of a package README, between markers so `pnpm size --write-readme` can refresh it.
// Without markers yet, the line goes at the end of the "## Quick start" section it measures.
import { kB } from "./bundle-size.mjs";

const START = "<!-- size: written by `pnpm size --write-readme` -->";
const END = "<!-- /size -->";

/** The README with its Size line set to `row` (a `pnpm size` result) measured on `date`. */
export function writeReadmeSizeLine(readme, row, date) {
  const budget = `budget ${kB(row.limit)}${row.target ? `, target ${kB(row.target)}` : ""}${row.goal ? `, goal ${kB(row.goal)}` : ""}`;
  const peer = row.peer
    ? `; ${row.peer.ratio.toFixed(3)}× of ${row.peer.name} (${kB(row.peer.gzip)}; budget ${row.peer.limit}×)`
    : "";
  const line =
    `**Size:** this quick start bundles to ${kB(row.gzip)} min+gzip for the browser (${kB(row.min)} minified, ` +
    `openapi-fetch included; ${budget})${peer}. Measured by \`pnpm size\` on ${date}.`;
  const block = `${START}\n${line}\n${END}`;

  const start = readme.indexOf(START);
  if (start !== -1) {
    const end = readme.indexOf(END, start);
    if (end === -1) throw new Error(`README has "${START}" without "${END}"`);
    return readme.slice(0, start) + block + readme.slice(end + END.length);
  }
  const quickStart = /^## Quick start$/m.exec(readme);
  if (!quickStart) throw new Error('README has no "## Quick start" section');
  const next = /^## /m.exec(readme.slice(quickStart.index + quickStart[0].length));
  const at = next ? quickStart.index + quickStart[0].length + next.index : readme.length;
  return `${readme.slice(0, at).trimEnd()}\n\n${block}\n\n${readme.slice(at)}`;
}
