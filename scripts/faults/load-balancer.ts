import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The configuration README "Deploying" gives to operators, run as it is. */
export const HAPROXY_CONFIG = path.resolve("deploy", "haproxy.cfg");

function haproxyPath(): string | null {
  for (const candidate of ["/usr/sbin/haproxy", "/usr/bin/haproxy"]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

/** Debian's haproxy; as root with apt-get it is installed when missing (as scripts/ensure-chromium.ts does). */
export function ensureHaproxy(): string {
  const found = haproxyPath();
  if (found) return found;
  if (process.getuid?.() !== 0 || !fs.existsSync("/usr/bin/apt-get"))
    throw new Error("HAProxy is not installed. Install it (Debian: sudo apt-get install -y haproxy).");
  console.log("Installing Debian's haproxy for the two-instance checks…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy", { stdio: "inherit" });
  return haproxyPath()!;
}

export interface LoadBalancer {
  url: string;
  stop(): Promise<void>;
}

/** deploy/haproxy.cfg listening on `port`, in front of the two instances' ports. */
export async function startLoadBalancer(port: number, instancePorts: [number, number]): Promise<LoadBalancer> {
  const child = spawn(ensureHaproxy(), ["-db", "-f", HAPROXY_CONFIG], {
    env: {
      ...process.env,
      LISTEN: `127.0.0.1:${port}`,
      TESSERA_A: `127.0.0.1:${instancePorts[0]}`,
      TESSERA_B: `127.0.0.1:${instancePorts[1]}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (
    !(await fetch(`${url}/api/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error("HAProxy did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
