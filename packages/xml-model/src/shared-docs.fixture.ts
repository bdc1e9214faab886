import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's read-only design folder, beside the repository: `<repo root>/../shared`. CI clones the
 * repository next to a copy of it. Tests that need it fail loudly when it is missing.
 */
export function sharedDir(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  const dir = join(repoRoot, "..", "shared");
  if (!existsSync(join(dir, "spec", "api.md"))) {
    throw new Error(
      `The shared design folder was not found at ${dir} (expected spec/api.md there). ` +
        "Tests read the API's samples from it: check it out beside the repository.",
    );
  }
  return dir;
}

/** A fenced code block of api.md that holds XML, with the heading of the section it is in. */
export interface XmlSample {
  readonly section: string;
  readonly xml: string;
}

/** Every fenced code block of `spec/api.md` whose content starts with `<` (an XML sample), in order. */
export function apiMdXmlSamples(): XmlSample[] {
  const text = readFileSync(join(sharedDir(), "spec", "api.md"), "utf8");
  const samples: XmlSample[] = [];
  let section = "";
  let inBlock = false;
  let block: string[] = [];
  for (const line of text.split("\n")) {
    if (!inBlock && /^#{2,4} /.test(line)) section = line.replace(/^#+ /, "");
    if (line.startsWith("```")) {
      if (inBlock) {
        const content = block.join("\n");
        if (content.trimStart().startsWith("<")) samples.push({ section, xml: content });
        block = [];
      }
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) block.push(line);
  }
  return samples;
}

/** The one sample of `section` (a heading's text without the `#`s) whose XML contains `marker`. */
export function apiMdSample(sectionStart: string, marker = "<"): string {
  const found = apiMdXmlSamples().filter((s) => s.section.startsWith(sectionStart) && s.xml.includes(marker));
  if (found.length !== 1) {
    throw new Error(
      `api.md: expected one XML sample in section "${sectionStart}" containing ${marker}, found ${found.length}`,
    );
  }
  return (found[0] as XmlSample).xml;
}

/** The sample response body of the seed document (the last `<Response>` block of its response sample). */
export function seedSampleResponse(): string {
  const dir = join(sharedDir(), "seeds");
  const file = readdirSync(dir).find((name) => name.endsWith(".txt"));
  if (file === undefined) throw new Error(`no seed .txt file in ${dir}`);
  const text = readFileSync(join(dir, file), "utf8");
  const start = text.lastIndexOf("<Response>");
  const end = text.lastIndexOf("</Response>");
  if (start === -1 || end < start) throw new Error(`no <Response> sample in ${file}`);
  return text.slice(start, end + "</Response>".length);
}
