/** Hex digit value per char code (lowercase only), -1 for anything else. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) HEX_VALUE["0123456789abcdef".charCodeAt(digit)] = digit;

/** Char codes of the lowercase hex digits. */
const HEX_CODES = Uint8Array.from("0123456789abcdef", (digit) => digit.charCodeAt(0));

/** Where each byte's two hex digits start in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
const PAIR_STARTS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/**
 * Writes a canonical uuid (36 chars, lowercase hex, dashes at 8, 13, 18, 23) as 16 bytes at `offset`. Returns
 * false, having written garbage, for anything else: only ids that read back as the same string may be packed.
 */
export function writeUuid(id: string, target: Uint8Array, offset: number): boolean {
  if (id.length !== 36) return false;
  if (id[8] !== "-" || id[13] !== "-" || id[18] !== "-" || id[23] !== "-") return false;
  for (let byte = 0; byte < 16; byte++) {
    const start = PAIR_STARTS[byte];
    const highCode = id.charCodeAt(start);
    const lowCode = id.charCodeAt(start + 1);
    if (highCode > 127 || lowCode > 127) return false;
    const high = HEX_VALUE[highCode];
    const low = HEX_VALUE[lowCode];
    if (high < 0 || low < 0) return false;
    target[offset + byte] = (high << 4) | low;
  }
  return true;
}

/** One uuid's text, reused: spelled as bytes, then read as one flat latin1 string. */
const SPELLED = Buffer.from("00000000-0000-0000-0000-000000000000", "latin1");

/**
 * The canonical lowercase uuid spelled by the 16 bytes at `offset`. Writing ASCII into a scratch buffer and
 * reading it once is about ten times faster than joining 16 two-digit strings (20,000 ids: 2 ms against 30).
 */
export function readUuid(source: Uint8Array, offset: number): string {
  for (let byte = 0; byte < 16; byte++) {
    const value = source[offset + byte];
    const at = PAIR_STARTS[byte];
    SPELLED[at] = HEX_CODES[value >> 4];
    SPELLED[at + 1] = HEX_CODES[value & 15];
  }
  return SPELLED.toString("latin1", 0, 36);
}
