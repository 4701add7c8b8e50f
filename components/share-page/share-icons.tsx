import { Award } from "lucide-react";
import { CHECK_ICONS } from "@/components/verification/check-words";

/**
 * The share page's repeated icons, drawn once per page as symbols and placed with <use>: five
 * checks per card, twenty cards, each icon sent twice (HTML and the RSC payload) made inline
 * SVG about a quarter of the page's bytes, which every view writes to the network.
 */
const SYMBOLS = {
  "check-passed": CHECK_ICONS.passed,
  "check-failed": CHECK_ICONS.failed,
  "check-unknown": CHECK_ICONS.unknown,
  award: Award,
} as const;

export type ShareIconName = keyof typeof SYMBOLS;

const symbolId = (name: ShareIconName) => `share-icon-${name}`;

/** Once per page, before any ShareIcon. */
export function ShareIconSprite() {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute">
      <defs>
        {(Object.entries(SYMBOLS) as [ShareIconName, (typeof SYMBOLS)[ShareIconName]][]).map(([name, Icon]) => (
          <symbol key={name} id={symbolId(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

/** A decorative icon from the page's sprite; it takes the text colour like the inline icons do. */
export function ShareIcon({ name, className }: { name: ShareIconName; className: string }) {
  return (
    <svg className={className} aria-hidden="true" focusable="false">
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
