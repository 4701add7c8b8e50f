import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { runWithRequestId } from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger(stream) };
}

describe("the structured logger", () => {
  it("writes one JSON object per line with time, level, message and the request id being served", () => {
    const { lines, log } = capture();
    runWithRequestId("req-12345678", () => log.info({ group: "share", status: 200 }, "request"));
    log.warn("outside a request");
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", requestId: "req-12345678", group: "share" });
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toMatchObject({ level: "warn", msg: "outside a request" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("censors emails, tokens, cookies and headers wherever a caller put them", () => {
    const { lines, log } = capture();
    log.error(
      {
        email: "nurse@example.org",
        token: "tsv_secret",
        holder: { email: "nurse@example.org", password: "p" },
        request: { headers: { cookie: "authjs.session-token=abc" } },
      },
      "failed",
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("nurse@example.org");
    expect(text).not.toContain("tsv_secret");
    expect(text).not.toContain("session-token");
    expect(lines[0]).toMatchObject({ email: "[redacted]", token: "[redacted]", holder: { email: "[redacted]" } });
  });
});
