import { EU_ELEMENTS, type NormalizedCredential } from "@/lib/credentials/record";

export interface EuElementRow {
  key: string;
  label: string;
  mandatory: boolean;
  present: boolean;
}

export interface EuElementsSummary {
  mandatory: EuElementRow[];
  optional: EuElementRow[];
  mandatoryPresent: number;
  optionalPresent: number;
}

/** Every Annex I element with whether this record carries it; an older record without the map counts as carrying none. */
export function euElementsSummary(record: Pick<NormalizedCredential, "euElements">): EuElementsSummary {
  const rows = EU_ELEMENTS.map((element) => ({
    key: element.key,
    label: element.label,
    mandatory: element.mandatory,
    present: record.euElements?.[element.key] === true,
  }));
  const mandatory = rows.filter((row) => row.mandatory);
  const optional = rows.filter((row) => !row.mandatory);
  return {
    mandatory,
    optional,
    mandatoryPresent: mandatory.filter((r) => r.present).length,
    optionalPresent: optional.filter((r) => r.present).length,
  };
}
