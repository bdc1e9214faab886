import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";
import { parseDuration, parseSeconds, parseTime } from "./duration.js";

/** Calls `fn` and returns the CliError it throws (fails the test when it does not throw). */
function thrown(fn: () => unknown): { code: string; exitCode: number; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; exitCode: number; message: string };
  }
  throw new Error("expected a throw");
}

const NOW = Date.UTC(2024, 0, 2, 0, 0, 0);

describe("parseDuration", () => {
  it("reads every unit, and a bare number as seconds", () => {
    expect(parseDuration("500ms", "--interval")).toBe(500);
    expect(parseDuration("5s", "--interval")).toBe(5000);
    expect(parseDuration("2m", "--interval")).toBe(120_000);
    expect(parseDuration("1h", "--interval")).toBe(3_600_000);
    expect(parseDuration("7d", "--interval")).toBe(604_800_000);
    expect(parseDuration("3", "--interval")).toBe(3000);
    expect(parseDuration("1.5", "--interval")).toBe(1500);
    expect(parseDuration(" 0.25s ", "--interval")).toBe(250);
    expect(parseDuration("0", "--interval")).toBe(0);
  });

  it("rejects other text as a usage error naming the flag", () => {
    for (const bad of ["", "5x", "-1s", "s", "1.s", "1 m", "5sec"]) {
      const error = thrown(() => parseDuration(bad, "--timeout"));
      expect(error.code, bad).toBe("USAGE");
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(`--timeout ${bad}: expected a duration such as 500ms, 5s, 2m, 1h or 7d`);
    }
  });

  it("rejects a duration past what a timer can wait (about 24.8 days)", () => {
    expect(parseDuration("24d", "--timeout")).toBe(24 * 86_400_000);
    const error = thrown(() => parseDuration("25d", "--timeout"));
    expect(error).toMatchObject({ code: "USAGE", message: "--timeout 25d: too long" });
    expect(thrown(() => parseDuration("1e400", "--timeout")).code).toBe("USAGE");
  });
});

describe("parseSeconds", () => {
  it("turns seconds into milliseconds; 0 stays 0 (no timeout)", () => {
    expect(parseSeconds("0", "--cli-read-timeout")).toBe(0);
    expect(parseSeconds("30", "--cli-read-timeout")).toBe(30_000);
    expect(parseSeconds("1.5", "--cli-connect-timeout")).toBe(1500);
    expect(parseSeconds("2147483", "--cli-total-timeout")).toBe(2_147_483_000);
  });

  it("rejects empty, negative, non-numeric and too large values", () => {
    for (const bad of ["", "  ", "-1", "abc", "5s", "Infinity", "2147484"]) {
      const error = thrown(() => parseSeconds(bad, "--cli-read-timeout"));
      expect(error.code, JSON.stringify(bad)).toBe("USAGE");
      expect(error.message).toBe(`--cli-read-timeout ${bad}: expected a number of seconds ≥ 0 (0 = no timeout)`);
    }
  });

  it("a bad timeout flag on the command line is exit 2 before any request", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--cli-read-timeout", "-5", "-o", "text"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cli-read-timeout -5: expected a number of seconds");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});

describe("parseTime", () => {
  it("counts relative times back from the injected now", () => {
    expect(parseTime("12h", "--since", NOW).toISOString()).toBe("2024-01-01T12:00:00.000Z");
    expect(parseTime("90m", "--since", NOW).toISOString()).toBe("2024-01-01T22:30:00.000Z");
    expect(parseTime("7d", "--since", NOW).toISOString()).toBe("2023-12-26T00:00:00.000Z");
    expect(parseTime("500ms", "--since", NOW).getTime()).toBe(NOW - 500);
  });

  it("reads ISO 8601 with Z or an offset, with or without a colon or seconds", () => {
    expect(parseTime("2022-06-01T00:00:00+08:00", "--since", NOW).toISOString()).toBe("2022-05-31T16:00:00.000Z");
    expect(parseTime("2022-06-01T00:00:00+0800", "--since", NOW).toISOString()).toBe("2022-05-31T16:00:00.000Z");
    expect(parseTime("2022-06-01T00:00:00-0530", "--since", NOW).toISOString()).toBe("2022-06-01T05:30:00.000Z");
    expect(parseTime("2022-06-01T07:23Z", "--since", NOW).toISOString()).toBe("2022-06-01T07:23:00.000Z");
    expect(parseTime(" 2022-06-01T07:23:10.5Z ", "--since", NOW).toISOString()).toBe("2022-06-01T07:23:10.500Z");
    expect(parseTime("2024-02-29T00:00:00Z", "--since", NOW).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it("rejects a time without an offset, a bare number, words and impossible dates", () => {
    for (const bad of [
      "2022-06-01T00:00:00", // a local time means different things on different machines
      "2022-02-30",
      "12",
      "yesterday",
      "2022-13-01T00:00:00Z",
      "2022-06-01T25:00:00Z",
      // Date would roll these over into the next month.
      "2022-02-30T00:00:00Z",
      "2023-02-29T00:00:00+08:00",
      "2022-04-31T10:00Z",
    ]) {
      const error = thrown(() => parseTime(bad, "--until", NOW));
      expect(error.code, bad).toBe("USAGE");
      expect(error.message).toMatch(
        new RegExp(`^--until ${bad.replace(/[.+]/g, "\\$&")}: expected a date \\(2022-06-01\\), an ISO 8601 time`),
      );
    }
  });

  it("an impossible --since date is refused by `jobs list` with exit 2, sending nothing", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--since", "2022-02-30T00:00:00+08:00", "-o", "text"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--since 2022-02-30T00:00:00+08:00: expected a date (2022-06-01), an ISO 8601 time",
    );
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("reads a date alone as the start of that day in the given zone", () => {
    expect(parseTime("2022-06-26", "--since", NOW, "Asia/Shanghai").toISOString()).toBe("2022-06-25T16:00:00.000Z");
    expect(parseTime("2022-06-26", "--since", NOW, "UTC").toISOString()).toBe("2022-06-26T00:00:00.000Z");
    // New York is on summer time (UTC-4) in June and on winter time (UTC-5) in January.
    expect(parseTime("2022-06-26", "--until", NOW, "America/New_York").toISOString()).toBe("2022-06-26T04:00:00.000Z");
    expect(parseTime("2022-01-10", "--until", NOW, "America/New_York").toISOString()).toBe("2022-01-10T05:00:00.000Z");
  });

  it("`jobs list --since <date>` sends the start of that day in TZ", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--since", "2022-06-26", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(h.fake.journal.last()?.query.startCreationTime).toBe("2022-06-26T00:00:00+0800");
  });
});
