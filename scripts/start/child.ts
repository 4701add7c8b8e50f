import { spawn } from "node:child_process";

/**
 * Runs a child to its end with stdio inherited, passing on Ctrl+C and SIGTERM, and resolves with
 * its exit code (1 when a signal ended it).
 */
export function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { shell = false }: { shell?: boolean } = {},
): Promise<number> {
  const child = spawn(command, args, { stdio: "inherit", env, shell });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
