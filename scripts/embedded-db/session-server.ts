import crypto from "node:crypto";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { Turns } from "./turns";
import {
  authenticationCleartextPassword,
  CANCEL_REQUEST,
  declaredLength,
  fatalError,
  GSSENC_REQUEST,
  MAX_UNAUTHENTICATED_MESSAGE,
  nextMessage,
  passwordOf,
  queryMessage,
  ReadyForQueryWatcher,
  SSL_REQUEST,
  startupUser,
  SYNC,
} from "./wire";

/**
 * Serves one PGlite database (one Postgres session) to several local clients, safely.
 *
 * PGlite runs Postgres in single-user mode: every client shares one session. A client therefore
 * gets the session for a whole turn, from its first message until PGlite answers ReadyForQuery
 * with the session idle. An extended-protocol batch (Parse … Sync) and a transaction (BEGIN …
 * COMMIT) thus never have another client's messages in between. @electric-sql/pglite-socket
 * takes turns per message instead, so two clients can clobber each other's unnamed statement and
 * one client's queries can land in another's transaction (pglite issue 1046, ADR 0020).
 *
 * Clients sign in with a password (cleartext over loopback): the port is reachable by every local
 * user, the password only by the one who started Tessera (it lives in a 0600 file).
 */
export interface SessionServer {
  port: number;
  /** Stops accepting clients, lets connected ones finish for up to `graceMs`, then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Mid-batch messages: a ReadyForQuery after one of these does not end the client's turn. */
const MID_BATCH = new Set(["P", "B", "D", "E", "C", "H"]);
const MAX_CLIENTS = 32;

class Client {
  private buffer: Buffer = Buffer.alloc(0);
  private typed = false;
  private startup: Buffer | undefined;
  private signedIn = false;
  private holding = false;
  private midTurn = false;
  private closed = false;
  private readonly watcher = new ReadyForQueryWatcher();
  /** Messages are handled one after another; the clean-up runs after the last one. */
  finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly turns: Turns,
    private readonly password: string,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk) => this.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.closed = true;
      this.then(() => this.cleanUp());
    });
  }

  private then(step: () => Promise<void> | void): void {
    this.finished = this.finished.then(step).catch((error: unknown) => this.fail(error));
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      for (;;) {
        const size = declaredLength(this.buffer, this.typed);
        if (!this.signedIn && size !== undefined && size > MAX_UNAUTHENTICATED_MESSAGE) {
          this.refuse("08P01", "message too large before sign-in");
          return;
        }
        const next = nextMessage(this.buffer, this.typed);
        if (!next) return;
        this.buffer = next.rest;
        const message = Buffer.from(next.message);
        if (!this.typed) {
          const code = message.readInt32BE(4);
          if (code >> 16 === 3) this.typed = true;
          this.then(() => this.handleUntyped(message, code));
        } else {
          this.then(() => this.handleTyped(message));
        }
      }
    } catch {
      this.refuse("08P01", "invalid message");
    }
  }

  private async handleUntyped(message: Buffer, code: number): Promise<void> {
    if (this.closed) return;
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) return void this.socket.write("N");
    if (code === CANCEL_REQUEST) return void this.socket.destroy();
    if (code >> 16 !== 3) return this.refuse("08P01", "unsupported protocol version");
    this.startup = message;
    this.socket.write(authenticationCleartextPassword());
  }

  private async handleTyped(message: Buffer): Promise<void> {
    if (this.closed) return;
    const type = String.fromCharCode(message[0]!);
    if (type === "X") return void this.socket.end();
    if (!this.signedIn) {
      if (type !== "p" || !this.startup) return this.refuse("28000", "password required");
      if (!sameSecret(passwordOf(message), this.password))
        return this.refuse("28P01", `password authentication failed for user "${startupUser(this.startup)}"`);
      this.signedIn = true;
      return this.exchange(this.startup, "startup");
    }
    return this.exchange(message, type);
  }

  /** Runs one message on the session during this client's turn, passing PGlite's answer back. */
  private async exchange(message: Buffer, type: string): Promise<void> {
    if (!this.holding) {
      await this.turns.take(this);
      this.holding = true;
    }
    if (this.closed) return;
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data) => {
          this.watcher.feed(data);
          if (!this.socket.destroyed) this.socket.write(data);
        },
      }),
    );
    const status = this.watcher.take();
    if (status === undefined || MID_BATCH.has(type)) {
      this.midTurn = true;
    } else {
      this.midTurn = false;
      if (status === "I") this.endTurn();
    }
  }

  private endTurn(): void {
    this.holding = false;
    this.turns.give(this);
  }

  /** A client that left during its turn: undo what it left half done, then pass the turn on. */
  private async cleanUp(): Promise<void> {
    if (!this.holding) return;
    try {
      const quietly = (message: Buffer) => this.db.runExclusive(() => this.db.execProtocolRaw(message));
      // Abort an unfinished batch's implicit transaction (the Sync alone would commit it), then
      // any transaction the client opened: as if a real server's backend had exited.
      if (this.midTurn) {
        await quietly(queryMessage("ROLLBACK"));
        await quietly(SYNC);
      }
      if (this.db.isInTransaction()) await quietly(queryMessage("ROLLBACK"));
    } finally {
      this.endTurn();
    }
  }

  /** Says why and hangs up; the clean-up then runs from the socket's close event. */
  private refuse(code: string, text: string): void {
    this.closed = true;
    if (!this.socket.destroyed) this.socket.end(fatalError(code, text), () => this.socket.destroy());
  }

  private fail(error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    console.error(`[tessera] embedded database: ${text}`);
    this.refuse("XX000", `embedded database error: ${text}`);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** Listens on 127.0.0.1 (a random port unless one is given) for clients of `db`. */
export async function serveSession(db: PGlite, { password, port = 0 }: { password: string; port?: number }) {
  const turns = new Turns();
  const clients = new Set<Client>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    if (sockets.size >= MAX_CLIENTS) return void socket.end(fatalError("53300", "too many clients"));
    const client = new Client(socket, db, turns, password);
    clients.add(client);
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      void client.finished.then(() => clients.delete(client));
    });
  });
  server.maxConnections = MAX_CLIENTS + 1;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    async close(graceMs = 0) {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (graceMs > 0 && sockets.size > 0) {
        await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
      for (const socket of sockets) socket.destroy();
      await stopped;
      await Promise.all([...clients].map((client) => client.finished));
    },
  } satisfies SessionServer;
}
