import { DEMO_HOLDER } from "@/db/seed";

const origin = process.env.AUTH_URL ?? "http://localhost:3000";
process.stdout.write(
  [
    "",
    "  Tessera is starting on " + origin,
    "",
    "  Sign in as the demo holder, " + DEMO_HOLDER.name + " (" + DEMO_HOLDER.profession + "):",
    "    1. open " + origin + "/sign-in and enter " + DEMO_HOLDER.email,
    "    2. open " + origin + "/dev/mail and follow the sign-in link",
    "",
  ].join("\n") + "\n",
);
