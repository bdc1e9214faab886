import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveStatic } from "./static-server.js";

// Browser smoke test of the built site (run `pnpm run docs` first). Debian's chromium, driven by playwright-core
// (which never downloads a browser); the site is served from 127.0.0.1. Screenshots go to smoke-artifacts/.
const site = fileURLToPath(new URL("../dist/", import.meta.url));
const artifacts = fileURLToPath(new URL("../smoke-artifacts/", import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const PACKAGES = ["@cibatch/ci-client", "@cibatch/signer", "@cibatch/testing-fakes", "@cibatch/xml-model"];

let server: StaticServer;
let browser: Browser;
let page: Page;
let problems: string[] = [];

async function open(path: string): Promise<void> {
  const response = await page.goto(new URL(path, `${server.url}/`).href, { waitUntil: "load" });
  expect(response?.status(), `GET ${path}`).toBe(200);
}

/** The path of a navigation entry: a package by name (the navigation shows it under its scope), else by text. */
async function navLink(text: string): Promise<string> {
  const selector = text.startsWith("@cibatch/")
    ? `#tsd-nav-container a[href$="modules/_cibatch_${text.slice("@cibatch/".length)}.html"]`
    : "#tsd-nav-container a";
  const link = page.locator(selector, { hasText: text.replace(/^@cibatch\//, "") }).first();
  await link.waitFor({ state: "attached" });
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`navigation link "${text}" has no href`);
  return new URL(href, page.url()).pathname;
}

/** The text of the page's main content panel. */
async function mainText(): Promise<string> {
  return (await page.locator(".tsd-panel.tsd-typography").first().textContent()) ?? "";
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: false });
}

beforeAll(async () => {
  if (!existsSync(`${site}index.html`)) throw new Error("apps/docs/dist is missing: run `pnpm run docs` first");
  if (!existsSync(executablePath)) {
    throw new Error(`no browser at ${executablePath}: apt-get install -y --no-install-recommends chromium`);
  }
  mkdirSync(artifacts, { recursive: true });
  server = await serveStatic(site);
  browser = await chromium.launch({ executablePath, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
});

afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen, "console errors, page errors or failed requests").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("docs site in Chromium", () => {
  it("opens the index: title, landing text, no errors", async () => {
    await open("/");
    expect(await page.title()).toBe("cibatch");
    expect(await mainText()).toContain("Tencent Cloud Infinite");
    await shot("index");
  });

  it("lists every package, the guides and the CLI reference in the navigation, and each page loads", async () => {
    await open("/");
    for (const name of [...PACKAGES, "Getting started", "CLI reference", "Exit codes"]) {
      const path = await navLink(name);
      const response = await page.request.get(`${server.url}${path}`);
      expect(response.status(), `${name} → ${path}`).toBe(200);
    }
  });

  it("opens a package page with its README as landing page and its version", async () => {
    await open("/");
    await open(await navLink("@cibatch/ci-client"));
    await expect(page.locator("h1").first().textContent()).resolves.toContain("@cibatch/ci-client");
    expect(await page.title()).toMatch(/^@cibatch\/ci-client - v\d+\.\d+\.\d+/);
    await expect(page.getByRole("heading", { name: "Naming rule" }).count()).resolves.toBe(1);
    await shot("package-ci-client");
  });

  it("opens a guide whose code comes from an executed example ({@includeCode})", async () => {
    await open("/");
    await open(await navLink("Getting started"));
    const text = await mainText();
    expect(text).toContain('Name: "nightly-transcode"'); // examples/create-job.ts#create
    expect(text).toContain("client.waitForJob(created.JobId"); // examples/wait-for-job.ts#wait
    expect(text).not.toContain("{@includeCode");
    await shot("guide-getting-started");
  });

  it("opens the CLI reference generated from the command declarations", async () => {
    await open("/");
    await open(await navLink("CLI reference"));
    const text = await mainText();
    for (const command of ["cibatch jobs list", "cibatch jobs create", "cibatch sign", "Exit codes"]) {
      expect(text).toContain(command);
    }
    await shot("cli-reference");
  });

  it("finds describeJob with the search box and opens the result", async () => {
    await open("/");
    await page.click("#tsd-search-trigger");
    await page.fill("#tsd-search-input", "describeJob");
    const results = page.locator("#tsd-search-results li");
    await results.first().waitFor({ state: "visible" });
    expect(await results.count()).toBeGreaterThanOrEqual(1);
    await expect(results.first().textContent()).resolves.toContain("describeJob");
    await shot("search-describeJob");
    await results.first().locator("a").click();
    await page.waitForURL(/CiClient\.html#describejob/i);
    await shot("search-result");
  });

  it("served no 404 during the run", () => {
    expect(server.notFound).toEqual([]);
  });
});
