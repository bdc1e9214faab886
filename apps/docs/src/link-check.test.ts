import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorsOf, checkLinks, linksOf } from "./link-check.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "cibatch-links-"));
  await mkdir(join(root, "docs"));
  await mkdir(join(root, "assets"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function site(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
}

describe("linksOf / anchorsOf", () => {
  it("reads href and src with either quote and decodes entities", () => {
    expect(linksOf(`<a href="a.html?x=1&amp;y=2#k">x</a><img src='i.png'><a class="href" title="href=no">`)).toEqual([
      "a.html?x=1&y=2#k",
      "i.png",
    ]);
  });

  it("collects id and name attributes, not look-alikes", () => {
    expect([...anchorsOf(`<h2 id="install">I</h2><a name='old'></a><div data-id="no"></div>`)]).toEqual([
      "install",
      "old",
    ]);
  });
});

describe("checkLinks", () => {
  it("accepts relative, absolute, directory and same-page links and skips external ones", async () => {
    await site({
      "index.html": `<a href="docs/a.html#two">a</a><a href="/docs/">d</a><a href="#top">t</a><a href="">self</a>
        <h1 id="top"></h1><a href="https://example.com/x#y">e</a><a href="mailto:a@b">m</a><img src="data:,x">
        <a href="//cdn.example.com/x.js">cdn</a><use href="assets/icons.svg#icon-a"></use>`,
      "docs/a.html": `<h2 id="two">Two</h2><a href="../index.html#top">back</a><a href="b%20c.html">space</a>`,
      "docs/b c.html": "<p>ok</p>",
      "docs/index.html": "<p>dir</p>",
      "assets/icons.svg": `<svg><g id="icon-a"></g></svg>`,
    });
    const report = await checkLinks(root);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(4);
    expect(report.links).toBe(7);
  });

  it("reports a missing file, a missing anchor and a link leaving the site", async () => {
    await site({
      "index.html": `<a href="docs/gone.html">g</a><a href="docs/a.html#nope">n</a><a href="#here">h</a>
        <a href="../etc/passwd">o</a><link href="assets/style.css">`,
      "docs/a.html": `<h2 id="two"></h2>`,
    });
    const { broken } = await checkLinks(root);
    expect(broken).toEqual([
      { page: "index.html", link: "docs/gone.html", reason: "missing file" },
      { page: "index.html", link: "docs/a.html#nope", reason: "missing anchor" },
      { page: "index.html", link: "#here", reason: "missing anchor" },
      { page: "index.html", link: "../etc/passwd", reason: "outside the site" },
      { page: "index.html", link: "assets/style.css", reason: "missing file" },
    ]);
  });

  it("decodes percent-encoded fragments before looking them up", async () => {
    await site({ "index.html": `<h2 id="größe">x</h2><a href="#gr%C3%B6%C3%9Fe">ok</a><a href="#gr%C3%B6">no</a>` });
    const { broken } = await checkLinks(root);
    expect(broken.map((b) => b.link)).toEqual(["#gr%C3%B6"]);
  });
});
