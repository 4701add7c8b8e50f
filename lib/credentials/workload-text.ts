const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** Hours and ECTS the holder set where the credential states none (issue 18). */
export interface HolderSetWorkload {
  hours?: number | null;
  ects?: number | null;
}

/**
 * "6 h · 5 ECTS", or null when there is neither. Figures the holder set where the credential states
 * none read "30 h (holder-set)": never passed off as the issuer's. One wording for the wallet, the
 * pathways and the printed portfolio.
 */
export function workloadText(
  hours: number | null,
  ects: number | null,
  holderSet: HolderSetWorkload = {},
): string | null {
  const figure = (stated: number | null, own: number | null | undefined, unit: string) =>
    stated !== null
      ? `${NUMBER.format(stated)} ${unit}`
      : own !== null && own !== undefined
        ? `${NUMBER.format(own)} ${unit} (holder-set)`
        : null;
  const parts = [figure(hours, holderSet.hours, "h"), figure(ects, holderSet.ects, "ECTS")].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}
