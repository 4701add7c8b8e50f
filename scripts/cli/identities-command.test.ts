import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { confirmEmailAddress, createEmailConfirmation } from "@/lib/identities/emails-data";
import { getOrCreateWalletDid, rotateWalletDid } from "@/lib/identities/wallet-did";
import { describeEachDatabase } from "@/testkit/each-database";
import type { CliContext } from "./context";
import { identitiesCommand } from "./identities-command";

describeEachDatabase("npm run tessera -- identities", (ctx) => {
  it("lists addresses and DIDs, found by any confirmed address, and never a key", async () => {
    const { db } = ctx();
    const [row] = await db
      .insert(users)
      .values({ email: "cli-identities@example.org", emailVerified: new Date() })
      .returning({ id: users.id });
    const holder = row!.id;
    const cli = () => {
      const out: string[] = [];
      const err: string[] = [];
      const context: CliContext = { db, dataDir: "/nonexistent", out: (l) => out.push(l), err: (l) => err.push(l) };
      return { context, out, err };
    };
    const empty = cli();
    expect(await identitiesCommand.run(["--holder", "CLI-identities@example.org"], empty.context)).toBe(0);
    expect(empty.out).toEqual(["email\tcli-identities@example.org\tsign-in", "did\t-\tnone yet (made on first use)"]);

    await confirmEmailAddress(
      db,
      holder,
      await createEmailConfirmation(db, holder, "cli-work@example.org", { maxAgeSeconds: 600 }),
    );
    await createEmailConfirmation(db, holder, "cli-pending@example.org", { maxAgeSeconds: 600 });
    const first = await getOrCreateWalletDid(db, holder);
    const second = await rotateWalletDid(db, holder);
    const full = cli();
    expect(await identitiesCommand.run(["--holder", "cli-work@example.org"], full.context)).toBe(0);
    expect(full.out).toEqual([
      "email\tcli-identities@example.org\tsign-in",
      expect.stringMatching(/^email\tcli-work@example\.org\tconfirmed \d{4}-\d\d-\d\d$/),
      "email\tcli-pending@example.org\twaiting for confirmation",
      expect.stringMatching(new RegExp(`^did\\t${second}\\tcurrent since `)),
      expect.stringMatching(new RegExp(`^did\\t${first}\\tprevious, replaced `)),
    ]);
    expect(full.out.join("\n")).not.toMatch(/jwe|"d"|secret/i);

    const missing = cli();
    expect(await identitiesCommand.run(["--holder", "cli-pending@example.org"], missing.context)).toBe(1);
    expect(await identitiesCommand.run([], cli().context)).toBe(2);
  });
});
