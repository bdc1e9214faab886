import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLinks } from "../src/link-check.js";

const site = fileURLToPath(new URL("../dist/", import.meta.url));

describe("link check of the built site (apps/docs/dist)", () => {
  it("every internal href and src resolves to a file, and every #anchor exists in its page", async () => {
    expect(existsSync(site), "apps/docs/dist is missing: run `pnpm run docs` first").toBe(true);
    const report = await checkLinks(site);
    for (const b of report.broken) console.error(`broken link: ${b.page} -> ${b.link} (${b.reason})`);
    console.log(`link check: ${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken`);
    expect(report.pages).toBeGreaterThan(50);
    expect(report.broken).toEqual([]);
  });
});
