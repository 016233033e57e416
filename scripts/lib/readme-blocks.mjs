// The fenced TypeScript blocks of a README, for the README checker (scripts/check-readmes.mjs).
// A line scanner rather than a Markdown library: READMEs here use plain ``` fences, and all the checker needs
// is each block's code, its line, its info string, the marker before it and the heading it sits under.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** The comment that marks the next ```ts block as deliberately partial (also: the info string `ts partial`). */
export const PARTIAL_MARKER = "<!-- partial -->";
const TS_LANGUAGES = new Set(["ts", "typescript"]);

/**
 * Every fenced block whose language is `ts`/`typescript`: `{ line, code, info, partial, heading, quickStart }`.
 * `line` is the README line of the block's first code line (1-based). `partial` is true when the info
 * string has the word `partial` or the last non-blank line before the fence is the partial marker.
 * `quickStart` is true for the first ts block under a heading named "Quick start".
 * Throws on an unclosed fence and on a partial marker that is not followed by a ts block.
 */
export function extractTsBlocks(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  let heading = "";
  let quickStartTaken = false;
  let previous = ""; // last non-blank line outside a fence
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fence = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/.exec(line);
    if (!fence) {
      const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (title) {
        heading = title[1];
        quickStartTaken = false;
      }
      if (line.trim() !== "") {
        if (previous.trim() === PARTIAL_MARKER && line.trim() !== PARTIAL_MARKER) {
          throw new Error(`line ${index}: ${PARTIAL_MARKER} must come right before a \`\`\`ts block`);
        }
        previous = line;
      }
      continue;
    }
    const [, marks, info] = fence;
    const close = new RegExp(`^ {0,3}${marks[0] === "`" ? "`" : "~"}{${marks.length},}\\s*$`);
    const start = index + 1;
    let end = start;
    while (end < lines.length && !close.test(lines[end])) end++;
    if (end >= lines.length) throw new Error(`line ${index + 1}: fence ${marks} is never closed`);
    const words = info.trim().split(/\s+/);
    const markedPartial = previous.trim() === PARTIAL_MARKER;
    if (TS_LANGUAGES.has(words[0])) {
      const isQuickStart = /^quick start$/i.test(heading) && !quickStartTaken;
      if (isQuickStart) quickStartTaken = true;
      blocks.push({
        line: start + 1,
        code: lines.slice(start, end).join("\n") + "\n",
        info: info.trim(),
        partial: markedPartial || words.includes("partial"),
        heading,
        quickStart: isQuickStart,
      });
    } else if (markedPartial) {
      throw new Error(`line ${index + 1}: ${PARTIAL_MARKER} is followed by a \`\`\`${words[0]} block, not \`\`\`ts`);
    }
    previous = line;
    index = end;
  }
  if (previous.trim() === PARTIAL_MARKER) throw new Error(`${PARTIAL_MARKER} at the end of the file marks no block`);
  return blocks;
}

/** Every README.md a user reads: the root's, each package's and each example's, as paths relative to root. */
export function findReadmes(root) {
  const readmes = existsSync(join(root, "README.md")) ? ["README.md"] : [];
  for (const folder of ["packages", "examples"]) {
    if (!existsSync(join(root, folder))) continue;
    for (const dir of readdirSync(join(root, folder)).sort()) {
      const readme = join(root, folder, dir, "README.md");
      if (existsSync(readme)) readmes.push(relative(root, readme));
    }
  }
  return readmes;
}
