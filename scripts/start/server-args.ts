import { usageError } from "./report";

export interface ServerArgs {
  port: number;
  /** Everything else given after `--`, passed to `next dev` / `next start` unchanged. */
  nextArgs: string[];
}

function portNumber(text: string | undefined, source: string): number {
  const port = Number(text);
  if (!text || !/^\d+$/.test(text) || port < 1 || port > 65_535)
    throw usageError(`${source} "${text ?? ""}" is not a port number (1 to 65535), e.g. npm run dev -- -p 4000`);
  return port;
}

/**
 * Reads the port from `-p`/`--port` (as Next spells them; `npm run dev -- -p 4000`) or else PORT,
 * default 3000, so the welcome text, AUTH_URL and Next all use the same one.
 */
export function parseServerArgs(argv: string[], portVariable: string | undefined): ServerArgs {
  let port = portVariable ? portNumber(portVariable, "PORT") : 3000;
  const nextArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^(?:--port=|-p=?)(.+)$/.exec(arg);
    if (arg === "-p" || arg === "--port") port = portNumber(argv[++i], arg);
    else if (inline) port = portNumber(inline[1], arg.startsWith("--") ? "--port" : "-p");
    else nextArgs.push(arg);
  }
  return { port, nextArgs };
}
