// The fake CI service with 100,000 seeded jobs, in its own process for the ci-client pagination
// benchmark: the client's memory is then measured alone. Reports its URL over IPC.
import { createFakeCi } from "@cibatch/testing-fakes/node";

const fake = createFakeCi({ randomSeed: 1, transition: { mode: "manual" }, journalLimit: 10 });
const operation = { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" };
const count = Number(process.argv[2] ?? 100_000);
for (let i = 0; i < count; i++) {
  fake.jobs.seed({
    Name: `job${i}`,
    Type: "Workflow",
    State: "Running",
    Input: { Prefix: `p${i}/` },
    Operation: operation,
  });
}
const listener = await fake.listen();
process.send?.(listener.url);
process.on("disconnect", () => process.exit(0));
