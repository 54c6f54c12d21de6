/** Bytes helpers shared by the renderer and tests (no DOM, no Node: btoa is standard JavaScript). */

/** Bytes → base64 for the contract (in slices, so large arrays do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
