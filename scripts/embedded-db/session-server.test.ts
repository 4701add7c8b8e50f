import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSession, type SessionServer } from "./session-server";

/**
 * A bare PostgreSQL wire-protocol client for the session server's tests: it sends exactly the
 * messages a test names (a half batch, a batch without Sync), which no driver lets you do.
 */
interface RawClient {
  send(...messages: Buffer[]): void;
  /** Resolves with the messages received up to and including the next one of `type`. */
  until(type: string): Promise<Array<{ type: string; body: Buffer }>>;
  received(): string;
  close(): void;
}

const typed = (type: string, body: Buffer) => {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
};
const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

const wire = {
  parse: (sql: string) => typed("P", Buffer.concat([cstring(""), cstring(sql), int16(0)])),
  bind: (...values: string[]) =>
    typed(
      "B",
      Buffer.concat([
        cstring(""),
        cstring(""),
        int16(0),
        int16(values.length),
        ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]),
        int16(0),
      ]),
    ),
  execute: () => typed("E", Buffer.concat([cstring(""), int32(0)])),
  flush: () => typed("H", Buffer.alloc(0)),
  sync: () => typed("S", Buffer.alloc(0)),
  query: (sql: string) => typed("Q", cstring(sql)),
};

/** The first column of every DataRow in `messages`, as text. */
function firstColumns(messages: Array<{ type: string; body: Buffer }>): string[] {
  return messages
    .filter((m) => m.type === "D")
    .map((m) => {
      const length = m.body.readInt32BE(2);
      return m.body.subarray(6, 6 + length).toString("utf8");
    });
}

async function connectRaw(port: number, password: string): Promise<RawClient> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let buffer = Buffer.alloc(0);
  const inbox: Array<{ type: string; body: Buffer }> = [];
  let log = "";
  let wake: (() => void) | undefined;
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const total = 1 + buffer.readInt32BE(1);
      const type = String.fromCharCode(buffer[0]!);
      inbox.push({ type, body: buffer.subarray(5, total) });
      log += type;
      buffer = buffer.subarray(total);
    }
    wake?.();
  });
  const client: RawClient = {
    send: (...messages) => void socket.write(Buffer.concat(messages)),
    async until(type) {
      for (;;) {
        const index = inbox.findIndex((m) => m.type === type);
        if (index >= 0) return inbox.splice(0, index + 1);
        if (socket.destroyed) throw new Error(`connection closed before "${type}" (got ${log})`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    received: () => log,
    close: () => socket.destroy(),
  };
  socket.on("close", () => wake?.());
  const startup = Buffer.concat([int32(196608), cstring("user"), cstring("postgres"), cstring("database")]);
  const body = Buffer.concat([startup, cstring("postgres"), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(body.length + 4), body]));
  const first = await client.until("R");
  if (first.at(-1)!.body.readInt32BE(0) === 3) client.send(typed("p", cstring(password)));
  await client.until("Z");
  return client;
}

describe("the embedded database's session server", () => {
  let db: PGlite;
  let server: SessionServer;
  const password = "test-password";
  const url = () => `postgresql://postgres:${password}@127.0.0.1:${server.port}/postgres?sslmode=disable`;

  beforeAll(async () => {
    db = await PGlite.create("memory://");
    server = await serveSession(db, { password });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it("keeps a client's half-sent batch whole while another client waits for its turn", async () => {
    const a = await connectRaw(server.port, password);
    const b = await connectRaw(server.port, password);
    // A parses and binds, and makes the server answer (Flush) without ending the batch (no Sync).
    a.send(wire.parse("select $1::int + 1 as n"), wire.bind("6"), wire.flush());
    await a.until("2");
    // B sends a whole batch meanwhile; it must not run between A's Bind and A's Execute.
    b.send(wire.parse("select 'from b' as n"), wire.bind(), wire.execute(), wire.sync());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.received()).not.toContain("D");
    a.send(wire.execute(), wire.sync());
    expect(firstColumns(await a.until("Z"))).toEqual(["7"]);
    expect(firstColumns(await b.until("Z"))).toEqual(["from b"]);
    a.close();
    b.close();
  });

  it("gives a transaction the session until it ends, and rolls back what a vanished client left open", async () => {
    const setup = new pg.Client({ connectionString: url(), ssl: false });
    await setup.connect();
    await setup.query("create table entries (n int)");
    const writer = await connectRaw(server.port, password);
    writer.send(wire.query("begin; insert into entries values (1)"));
    await writer.until("Z");
    const reader = setup.query("select count(*)::int as n from entries");
    writer.send(wire.query("insert into entries values (2); commit"));
    await writer.until("Z");
    expect((await reader).rows[0].n).toBe(2);

    const quitter = await connectRaw(server.port, password);
    quitter.send(wire.query("begin; insert into entries values (3)"));
    await quitter.until("Z");
    const afterQuit = setup.query("select count(*)::int as n from entries");
    quitter.close();
    expect((await afterQuit).rows[0].n).toBe(2);
    // A batch cut off before its Sync is undone too (the Sync alone would have committed it).
    const halfway = await connectRaw(server.port, password);
    halfway.send(wire.parse("insert into entries values (4)"), wire.bind(), wire.execute(), wire.flush());
    await halfway.until("C");
    halfway.close();
    expect((await setup.query("select count(*)::int as n from entries")).rows[0].n).toBe(2);
    writer.close();
    await setup.end();
  });

  it("refuses a wrong password the way PostgreSQL does", async () => {
    const client = new pg.Client({ connectionString: url().replace(password, "guess"), ssl: false });
    await expect(client.connect()).rejects.toMatchObject({ code: "28P01" });
  });

  it("serves many node-postgres clients at once without mixing their answers", async () => {
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: url(), ssl: false, max: 2 }));
    const answers = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        pools[i % 3]!.query("select $1::text as n, $2::int as m", [`q${i}`, i]).then(
          (r) => `${r.rows[0].n}/${r.rows[0].m}`,
        ),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 90 }, (_, i) => `q${i}/${i}`));
    await Promise.all(pools.map((pool) => pool.end()));
  });
});
