/**
 * Badge artwork drawn here, so the demo and tests download nothing: a deterministic SVG per title
 * (a colour and a shape from a hash of the title, and the title's initials) and its PNG through
 * sharp. Letters are stroked paths from a small built-in alphabet rather than text, so the PNG
 * looks the same on a machine without fonts (a CI container, a fresh server).
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

/**
 * Capital letters and digits on a 4 × 6 grid (y down): strokes separated by "|", each a polyline
 * of "x,y" points.
 */
const GLYPHS: Record<string, string> = {
  A: "0,6 2,0 4,6|0.7,4 3.3,4",
  B: "0,3 3,3 4,4 4,5 3,6 0,6 0,0 3,0 4,1 4,2 3,3",
  C: "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5",
  D: "0,0 0,6 2.5,6 4,4.5 4,1.5 2.5,0 0,0",
  E: "4,0 0,0 0,6 4,6|0,3 3,3",
  F: "4,0 0,0 0,6|0,3 3,3",
  G: "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3 2,3",
  H: "0,0 0,6|4,0 4,6|0,3 4,3",
  I: "1,0 3,0|2,0 2,6|1,6 3,6",
  J: "1,0 4,0|3,0 3,5 2,6 1,6 0,5",
  K: "0,0 0,6|4,0 0,3.5|1.3,2.4 4,6",
  L: "0,0 0,6 4,6",
  M: "0,6 0,0 2,3 4,0 4,6",
  N: "0,6 0,0 4,6 4,0",
  O: "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0",
  P: "0,6 0,0 3,0 4,1 4,2 3,3 0,3",
  Q: "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|2.5,4.5 4,6",
  R: "0,6 0,0 3,0 4,1 4,2 3,3 0,3|2,3 4,6",
  S: "4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5",
  T: "0,0 4,0|2,0 2,6",
  U: "0,0 0,5 1,6 3,6 4,5 4,0",
  V: "0,0 2,6 4,0",
  W: "0,0 1,6 2,3 3,6 4,0",
  X: "0,0 4,6|4,0 0,6",
  Y: "0,0 2,3 4,0|2,3 2,6",
  Z: "0,0 4,0 0,6 4,6",
  "0": "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|4,1 0,5",
  "1": "1,1 2,0 2,6|1,6 3,6",
  "2": "0,1 1,0 3,0 4,1 4,2 0,6 4,6",
  "3": "0,0 4,0 2,2.5 3,2.5 4,3.5 4,5 3,6 1,6 0,5",
  "4": "3,6 3,0 0,4 4,4",
  "5": "4,0 0,0 0,2.5 3,2.5 4,3.5 4,5 3,6 0,6",
  "6": "4,0.5 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,4 3,3 0,3",
  "7": "0,0 4,0 1.5,6",
  "8": "1,3 0,2 0,1 1,0 3,0 4,1 4,2 3,3 1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3",
  "9": "4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,5 3,6 0.5,6",
};

/** Words that do not make an initial ("Safe Medication Administration" → SMA, "Care of the …" → C…). */
const MINOR_WORDS = new Set(["a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to", "with"]);

/** Up to three initials of a title's significant words, letters and digits only. */
export function initialsOf(title: string): string {
  const words = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()));
  const initials = words.map((word) => word[0]!.toUpperCase()).join("");
  return (initials || "?").slice(0, 3);
}

/**
 * A line of capitals and digits as one SVG path (other characters leave a space), centred on
 * (cx, cy) with the given letter height. Lower case is drawn as capitals.
 */
export function strokedText(text: string, cx: number, cy: number, height: number): string {
  const scale = height / 6;
  const advance = 6 * scale;
  const chars = [...text.toUpperCase()];
  const left = cx - (chars.length * advance - 2 * scale) / 2;
  const top = cy - height / 2;
  const commands = chars.flatMap((char, i) =>
    (GLYPHS[char]?.split("|") ?? []).map(
      (stroke) =>
        "M" +
        stroke
          .split(" ")
          .map((point) => {
            const [x = 0, y = 0] = point.split(",").map(Number);
            return `${round(left + i * advance + x * scale)} ${round(top + y * scale)}`;
          })
          .join(" L"),
    ),
  );
  return commands.join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

type Shape = "circle" | "hexagon" | "shield" | "rounded-square" | "octagon";
const SHAPES: Shape[] = ["circle", "hexagon", "shield", "rounded-square", "octagon"];

function polygon(sides: number, radius: number, rotation: number): string {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / sides;
    return `${round(128 + radius * Math.cos(angle))},${round(128 + radius * Math.sin(angle))}`;
  }).join(" ");
}

function outline(shape: Shape, radius: number, attributes: string): string {
  switch (shape) {
    case "circle":
      return `<circle cx="128" cy="128" r="${radius}" ${attributes}/>`;
    case "hexagon":
      return `<polygon points="${polygon(6, radius, Math.PI / 6)}" ${attributes}/>`;
    case "octagon":
      return `<polygon points="${polygon(8, radius, Math.PI / 8)}" ${attributes}/>`;
    case "rounded-square": {
      const side = radius * 1.7;
      const at = 128 - side / 2;
      return `<rect x="${round(at)}" y="${round(at)}" width="${round(side)}" height="${round(side)}" rx="${round(side / 6)}" ${attributes}/>`;
    }
    case "shield": {
      const w = radius * 0.85;
      const top = 128 - radius * 0.9;
      return `<path d="M${round(128 - w)} ${round(top)} H${round(128 + w)} V${round(128 + radius * 0.1)} Q${round(128 + w)} ${round(128 + radius * 0.75)} 128 ${round(128 + radius)} Q${round(128 - w)} ${round(128 + radius * 0.75)} ${round(128 - w)} ${round(128 + radius * 0.1)} Z" ${attributes}/>`;
    }
  }
}

function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

interface Artwork {
  shape: Shape;
  /** The fill, dark enough for white initials (WCAG contrast well above 4.5:1). */
  colour: string;
  initials: string;
  svg: string;
}

/** The same title always gives the same picture; different titles differ in colour, shape or initials. */
export function badgeArtwork(title: string): Artwork {
  const digest = createHash("sha256").update(title).digest();
  const hue = (digest.readUInt16BE(0) % 360) as number;
  const shape = SHAPES[digest[2]! % SHAPES.length]!;
  const colour = hsl(hue, 0.6, 0.3);
  const ring = hsl(hue, 0.55, 0.8);
  const initials = initialsOf(title);
  const letterHeight = initials.length > 2 ? 56 : 68;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">`,
    outline(shape, 118, `fill="${ring}"`),
    outline(shape, 104, `fill="${colour}"`),
    `<path d="${strokedText(initials, 128, 128, letterHeight)}" fill="none" stroke="#ffffff" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`,
    `</svg>`,
  ].join("");
  return { shape, colour, initials, svg };
}

/** The artwork as a PNG (sharp renders the SVG; there is no text in it, so no fonts are needed). */
export async function badgePng(title: string, size = 256): Promise<Buffer> {
  return sharp(Buffer.from(badgeArtwork(title).svg))
    .resize(size, size)
    .png()
    .toBuffer();
}

/**
 * A paper certificate as a phone would photograph it (a PNG): a bordered page with the given lines
 * in stroked capitals, the first one larger. For self-reported certificates' evidence.
 */
export async function certificateScan(lines: string[]): Promise<Buffer> {
  const [heading = "", ...rest] = lines;
  const text = [
    `<path d="${strokedText(heading, 400, 110, 30)}" fill="none" stroke="#1e293b" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>`,
    ...rest.map(
      (line, i) =>
        `<path d="${strokedText(line, 400, 200 + i * 60, 18)}" fill="none" stroke="#334155" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
    ),
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" viewBox="0 0 800 560">`,
    `<rect width="800" height="560" fill="#f1ede4"/>`,
    `<rect x="24" y="24" width="752" height="512" fill="#fffdf7" stroke="#8a6d3b" stroke-width="6"/>`,
    `<rect x="40" y="40" width="720" height="480" fill="none" stroke="#8a6d3b" stroke-width="2"/>`,
    ...text,
    `</svg>`,
  ].join("");
  return sharp(Buffer.from(svg)).png().toBuffer();
}
