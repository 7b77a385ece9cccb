/**
 * A positive number given on the command line as `--name N`, else `fallback`.
 *
 * @example
 * const seconds = numberArg('seconds', 10); // `--seconds 20` gives 20
 */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
