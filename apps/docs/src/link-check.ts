import { readdir, readFile } from "node:fs/promises";
import { extname, join, posix, relative, sep } from "node:path";

/** One link of the site that does not resolve. */
export interface BrokenLink {
  /** The page holding the link, relative to the site root (`/`-separated). */
  readonly page: string;
  /** The `href` or `src` value as written. */
  readonly link: string;
  /** Why it is broken. */
  readonly reason: "missing file" | "missing anchor" | "outside the site";
}

/** What {@link checkLinks} found. */
export interface LinkReport {
  /** HTML pages read. */
  readonly pages: number;
  /** Internal links checked (external ones are skipped). */
  readonly links: number;
  /** Every link that does not resolve. */
  readonly broken: readonly BrokenLink[];
}

const ATTRIBUTE = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ANCHOR = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, full)));
    else files.push(relative(root, full).split(sep).join("/"));
  }
  return files;
}

/** The `id` and `name` values of an HTML or SVG document. */
export function anchorsOf(markup: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markup.matchAll(ANCHOR)) anchors.add(decodeEntities(match[1] ?? match[2] ?? ""));
  return anchors;
}

/** The `href` and `src` values of an HTML document, entities decoded. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(ATTRIBUTE)].map((match) => decodeEntities(match[2] ?? match[3] ?? ""));
}

/**
 * Checks every internal `href` and `src` of the HTML pages under `root` (a built site): the target file must
 * exist inside the site, and a `#fragment` must name an `id` (or `name`) in the target page (or SVG sprite).
 * Links with a scheme (`https:`, `mailto:`, `data:`) or starting with `//` are external and skipped.
 *
 * @param root - The site's output folder, e.g. `apps/docs/dist`.
 * @returns The pages and links checked, and the broken links.
 * @example
 * ```ts
 * import { checkLinks } from "./link-check.js";
 *
 * const { broken } = await checkLinks("dist");
 * for (const b of broken) console.error(`${b.page}: ${b.link} (${b.reason})`);
 * ```
 */
export async function checkLinks(root: string): Promise<LinkReport> {
  const files = new Set(await listFiles(root));
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = async (file: string): Promise<Set<string>> => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      const ext = extname(file).toLowerCase();
      anchors = ext === ".html" || ext === ".svg" ? anchorsOf(await readFile(join(root, file), "utf8")) : new Set();
      anchorCache.set(file, anchors);
    }
    return anchors;
  };

  const broken: BrokenLink[] = [];
  let pages = 0;
  let links = 0;
  for (const page of [...files].filter((f) => f.endsWith(".html")).sort()) {
    pages += 1;
    for (const link of linksOf(await readFile(join(root, page), "utf8"))) {
      if (EXTERNAL.test(link)) continue;
      links += 1;
      const hashAt = link.indexOf("#");
      const pathPart = (hashAt === -1 ? link : link.slice(0, hashAt)).replace(/\?.*$/, "");
      const fragment = hashAt === -1 ? "" : safeDecode(link.slice(hashAt + 1));
      let target = page;
      if (pathPart !== "") {
        const joined = pathPart.startsWith("/")
          ? posix.normalize(pathPart.slice(1))
          : posix.normalize(posix.join(posix.dirname(page), safeDecode(pathPart)));
        if (joined.startsWith("../") || joined === "..") {
          broken.push({ page, link, reason: "outside the site" });
          continue;
        }
        target = joined.endsWith("/") || joined === "." ? posix.join(joined, "index.html") : joined;
      }
      if (!files.has(target)) {
        broken.push({ page, link, reason: "missing file" });
        continue;
      }
      if (fragment !== "" && !(await anchorsIn(target)).has(fragment)) {
        broken.push({ page, link, reason: "missing anchor" });
      }
    }
  }
  return { pages, links, broken };
}
