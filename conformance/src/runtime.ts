/** The runtime this code runs on, with its version: `node v22.23.3`, `bun 1.4.4`, `deno 2.9.6`. */
export function runtimeName(): string {
  const g = globalThis as {
    Deno?: { version: { deno: string } };
    Bun?: { version: string };
    process?: { version?: string };
  };
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.process?.version) return `node ${g.process.version}`;
  return "unknown";
}
