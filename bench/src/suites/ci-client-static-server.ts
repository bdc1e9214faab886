// A minimal static HTTP server for the ci-client describe benchmark, run in its own process
// (child_process.fork): every request gets the same bytes, the describe response sample of Tencent's
// DescribeInventoryTriggerJob documentation, with
// the headers the service sends. It reports its port over IPC and exits when the parent does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = Buffer.from(
  "<Response><RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId><JobsDetail><Code>Success</Code>" +
    "<Type>Workflow</Type><Message/><Name>demo</Name><JobId>b3deffea2f84911ec9cb15254008618d9</JobId>" +
    "<State>Running</State><CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>-</StartTime>" +
    "<EndTime>-</EndTime><Input><Prefix>input</Prefix></Input><Operation><TimeInterval>" +
    "<Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval>" +
    "<WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></JobsDetail></Response>",
);

let date = new Date().toUTCString();
setInterval(() => {
  date = new Date().toUTCString();
}, 1000).unref();

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, {
      "content-type": "application/xml",
      "content-length": BODY.byteLength,
      server: "tencent-ci",
      "x-ci-request-id": "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      date,
    });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.((server.address() as AddressInfo).port);
});
process.on("disconnect", () => process.exit(0));
