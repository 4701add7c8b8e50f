/**
 * The few pieces of the PostgreSQL wire protocol (v3) the embedded database's server needs: cutting
 * the client's byte stream into messages, spotting ReadyForQuery in PGlite's answers, and the two
 * messages the server writes itself (the password request and a fatal error).
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

/** Before a client has signed in, a message larger than this is refused (a startup packet is small). */
export const MAX_UNAUTHENTICATED_MESSAGE = 10_000;

/**
 * The next whole message at the start of `buffer`, or undefined while it is incomplete. Before
 * start-up a message has no type byte (length, then a code); afterwards it is type + length.
 */
export function nextMessage(buffer: Buffer, typed: boolean): { message: Buffer; rest: Buffer } | undefined {
  const headerLength = typed ? 5 : 4;
  if (buffer.length < headerLength) return undefined;
  const total = (typed ? 1 : 0) + buffer.readInt32BE(typed ? 1 : 0);
  if (total < headerLength - (typed ? 1 : 0)) throw new Error("malformed message length");
  if (buffer.length < total) return undefined;
  return { message: buffer.subarray(0, total), rest: buffer.subarray(total) };
}

/** The declared size of the message at the start of `buffer`, to refuse huge ones before buffering them. */
export function declaredLength(buffer: Buffer, typed: boolean): number | undefined {
  const headerLength = typed ? 5 : 4;
  return buffer.length < headerLength ? undefined : buffer.readInt32BE(typed ? 1 : 0);
}

export function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message.write("R", 0, "latin1");
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

export function fatalError(code: string, text: string): Buffer {
  const fields = Buffer.concat(
    [
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", code],
      ["M", text],
    ].map(([key, value]) => Buffer.from(`${key}${value}\0`, "utf8")),
  );
  const message = Buffer.alloc(1 + 4 + fields.length + 1);
  message.write("E", 0, "latin1");
  message.writeInt32BE(4 + fields.length + 1, 1);
  fields.copy(message, 5);
  return message;
}

export function queryMessage(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
export const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** The user a start-up packet names (key/value pairs after the protocol version). */
export function startupUser(message: Buffer): string {
  const pairs = message.subarray(8).toString("utf8").split("\0");
  const index = pairs.indexOf("user");
  return index >= 0 ? (pairs[index + 1] ?? "") : "";
}

/** The password in a PasswordMessage ('p', length, text, NUL). */
export function passwordOf(message: Buffer): string {
  return message.subarray(5, message.length - 1).toString("utf8");
}

/**
 * Follows PGlite's answer stream (which may cut messages anywhere) and reports each ReadyForQuery's
 * transaction status: "I" idle, "T" in a transaction, "E" in a failed transaction.
 */
export class ReadyForQueryWatcher {
  private header = Buffer.alloc(0);
  private toSkip = 0;
  private awaitingStatus = false;
  last: string | undefined;

  feed(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.awaitingStatus) {
        this.last = String.fromCharCode(chunk[offset]!);
        this.awaitingStatus = false;
        offset += 1;
        continue;
      }
      if (this.toSkip > 0) {
        const skipped = Math.min(this.toSkip, chunk.length - offset);
        this.toSkip -= skipped;
        offset += skipped;
        continue;
      }
      const needed = 5 - this.header.length;
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + needed)]);
      offset += Math.min(needed, chunk.length - offset);
      if (this.header.length < 5) return;
      const type = String.fromCharCode(this.header[0]!);
      const bodyLength = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
      if (type === "Z" && bodyLength === 1) this.awaitingStatus = true;
      else this.toSkip = bodyLength;
    }
  }

  /** Returns the status seen since the last call, if any, and forgets it. */
  take(): string | undefined {
    const status = this.last;
    this.last = undefined;
    return status;
  }
}
