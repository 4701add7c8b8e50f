import { DEMO_HOLDER } from "@/db/seed";

/** What `npm run dev` prints before Next starts: where Tessera runs and how to sign in as the demo holder. */
export function welcomeText(origin: string): string {
  return (
    [
      "",
      "  Tessera is starting on " + origin,
      "",
      "  Sign in as the demo holder, " + DEMO_HOLDER.name + " (" + DEMO_HOLDER.profession + "):",
      "    1. open " + origin + "/sign-in and enter " + DEMO_HOLDER.email,
      "    2. open " + origin + "/dev/mail and follow the sign-in link",
      "",
    ].join("\n") + "\n"
  );
}
