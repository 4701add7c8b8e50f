"use client";

/** A labelled native select: the most accessible control there is, and a real picker on phones. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel,
  onChange,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  anyLabel?: string;
  onChange: (value: string | undefined) => void;
}) {
  const id = `filter-${name}`;
  // A bookmarked value this wallet no longer holds still shows as chosen, so the view explains itself.
  const shown =
    value && !options.some((option) => option.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className="min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
      >
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
