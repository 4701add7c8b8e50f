/** The benchmarks' command-line switches: `--name` flags and `--name=N` positive whole numbers. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

export function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
