/**
 * End-to-end tests drive Debian's Chromium (never a browser that Playwright downloads). On a
 * fresh machine where we are root with apt-get, install it; otherwise say exactly what to do.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";

const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!fs.existsSync(executable)) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.error(
      `Chromium not found at ${executable}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
}
