import type { NormalizedCredential, Party } from "@/lib/credentials/record";
import { formatDay } from "@/components/ui/format";
import { Fact, FactList, SafeLink, Section } from "./section";

function PartyFacts({ role, party }: { role: "Issuer" | "Awarding body"; party: Party | undefined }) {
  if (!party) return null;
  return (
    <>
      <Fact label={role === "Issuer" ? "Issued by" : "Awarded by"}>{party.name}</Fact>
      <Fact label={`${role} website`}>{party.url ? <SafeLink href={party.url} /> : null}</Fact>
      <Fact label={`${role} country or region`}>{party.country}</Fact>
      <Fact label={`${role} legal identifier`}>{party.legalIdentifier}</Fact>
    </>
  );
}

/** Who issued and awarded it, to whom, and when. */
export function IssuedSection({ record }: { record: NormalizedCredential }) {
  const dates = record.dates ?? {};
  // When the issuer is also the awarding body, its website and country are not repeated.
  const awarding = record.awardingBody;
  const sameBody = awarding !== undefined && awarding.name === record.issuer.name;
  return (
    <Section id="issued" title="Issued and awarded">
      <FactList>
        <PartyFacts role="Issuer" party={record.issuer} />
        {sameBody ? (
          <Fact label="Awarded by">{awarding.name}</Fact>
        ) : (
          <PartyFacts role="Awarding body" party={awarding} />
        )}
        <Fact label="Issued to">{record.recipient?.name ?? "Not named in the credential"}</Fact>
        <Fact label="Issued on">{formatDay(dates.issued)}</Fact>
        <Fact label="Valid from">{formatDay(dates.validFrom)}</Fact>
        <Fact label="Valid until">{formatDay(dates.validUntil) ?? "No end date"}</Fact>
        <Fact label="Awarded on">{formatDay(dates.awarded)}</Fact>
      </FactList>
    </Section>
  );
}
