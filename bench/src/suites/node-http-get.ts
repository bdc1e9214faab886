import { type Agent, request } from "node:http";

/** One keep-alive `node:http` GET, the body read to a string: the floor of any client built on node:http. */
export function nodeHttpGet(
  agent: Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
  host = "127.0.0.1",
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, agent, headers }, (res) => {
      res.setEncoding("utf8");
      let body = "";
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve(body));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
