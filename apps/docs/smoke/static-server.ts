import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** A static file server for a built site, on 127.0.0.1 and a free port. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Paths that answered 404, in request order. */
  readonly notFound: string[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves `root` read-only: `GET`/`HEAD` only, no directory listings, nothing outside `root`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = normalize(root.endsWith(sep) ? root : `${root}${sep}`);
  const notFound: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) file = "";
      const info = file ? await stat(file).catch(() => undefined) : undefined;
      if (info?.isDirectory()) file = join(file, "index.html");
      const found = file ? await stat(file).catch(() => undefined) : undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405).end();
      } else if (!found?.isFile()) {
        notFound.push(path);
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      } else {
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        if (req.method === "HEAD") res.end();
        else createReadStream(file).pipe(res);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
