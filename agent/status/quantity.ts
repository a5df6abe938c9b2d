/**
 * Kubernetes resource quantities (`100m`, `2`, `8Gi`, `1.5G`, `1e3`) as integer base units.
 * Arithmetic runs on BigInt because `0.1 * 1000` in floating point rounds up to 101 millicores.
 */

const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const QUANTITY_PATTERN =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Raised for text that is not a Kubernetes quantity. */
export class QuantityError extends Error {
  constructor(readonly text: string) {
    super(`not a Kubernetes quantity: ${JSON.stringify(text)}`);
    this.name = "QuantityError";
  }
}

/**
 * Parses a quantity and returns it in units of `1 / scale` (scale 1000 gives millicores for cpu), rounded up
 * like Kubernetes rounds requests up to the smallest unit it tracks.
 */
export function parseQuantity(text: string, scale = 1): number {
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match) throw new QuantityError(text);
  const [, sign, number, exponent, suffix = ""] = match;
  const [whole, fraction = ""] = number.split(".");
  let decimalExponent = exponent === undefined ? 0 : Number(exponent);
  let binaryExponent = 0;
  if (suffix in BINARY_SUFFIXES) binaryExponent = BINARY_SUFFIXES[suffix];
  else decimalExponent += DECIMAL_SUFFIXES[suffix];
  decimalExponent -= fraction.length;
  let numerator = BigInt(`${whole}${fraction}` || "0") * BigInt(scale) * 2n ** BigInt(binaryExponent);
  let denominator = 1n;
  if (decimalExponent >= 0) numerator *= 10n ** BigInt(decimalExponent);
  else denominator = 10n ** BigInt(-decimalExponent);
  const rounded = (numerator + denominator - 1n) / denominator;
  return Number(sign === "-" ? -rounded : rounded);
}

/** Like {@link parseQuantity} but returns undefined instead of throwing, for facts read from a live cluster. */
export function tryParseQuantity(text: string | undefined, scale = 1): number | undefined {
  if (text === undefined) return undefined;
  try {
    return parseQuantity(text, scale);
  } catch {
    return undefined;
  }
}

/** Scale used for a resource: cpu is tracked in millicores, everything else in whole base units. */
export function resourceScale(resourceName: string): number {
  return resourceName === "cpu" ? 1000 : 1;
}

/** Parses a quantity of the named resource into its base unit (millicores for cpu); 0 when unparseable. */
export function parseResource(resourceName: string, text: string | undefined): number {
  return tryParseQuantity(text, resourceScale(resourceName)) ?? 0;
}
