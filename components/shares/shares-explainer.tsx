import { CalendarClock, EyeOff, ListChecks } from "lucide-react";

const POINTS = [
  {
    icon: EyeOff,
    text: "Private by default: nothing is public until you create a link, and only people you give it to can open it. Share pages are never listed or indexed by search engines.",
  },
  {
    icon: ListChecks,
    text: "You choose what shows: which credentials, and whether your email address, evidence files and notes appear. They stay hidden unless you tick them.",
  },
  {
    icon: CalendarClock,
    text: "Every link stops working on the date you choose (the link’s date, not your credentials’), and you can revoke it at any time.",
  },
];

/** What a share link is, for the empty list and the new-link page (docs/product-notes.md requests 1 and 12). */
export function SharesExplainer() {
  return (
    <ul className="mt-4 flex flex-col gap-3 text-left text-sm">
      {POINTS.map(({ icon: Icon, text }) => (
        <li key={text} className="flex items-start gap-3">
          <Icon className="mt-0.5 h-5 w-5 shrink-0 text-brand-700 dark:text-brand-300" aria-hidden="true" />
          <span>{text}</span>
        </li>
      ))}
    </ul>
  );
}
