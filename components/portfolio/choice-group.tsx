/** A labelled group of radios (a fieldset with a legend), each a 44 px target with an optional hint. */
export function ChoiceGroup<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  choices: ReadonlyArray<{ value: T; label: string; hint?: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {choices.map((choice) => (
        <div key={choice.value} className="rounded-lg hover:bg-slate-100 dark:hover:bg-slate-800">
          <label className="flex min-h-11 cursor-pointer items-center gap-3 px-2">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint ? `${name}-${choice.value}-hint` : undefined}
              onChange={() => onChange(choice.value)}
              className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
            />
            <span className="font-medium">{choice.label}</span>
          </label>
          {choice.hint ? (
            <p id={`${name}-${choice.value}-hint`} className="pb-2 pl-10 text-sm text-slate-600 dark:text-slate-400">
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}
