/**
 * The style of a row of a virtual list (@tanstack/react-virtual): placed absolutely at the
 * top of its list and moved down to `start` (px from the list's top), full width.
 */
import type { CSSProperties } from 'react';

export function virtualRowStyle(start: number, extra?: CSSProperties): CSSProperties {
  return { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)`, ...extra };
}
