import { AftershockError, isValidIsoDate, type IsoDate } from '@aftershock/core';

const TOKENS: Readonly<Record<string, { re: string; part: 'y' | 'm' | 'd' }>> = {
  YYYY: { re: '(\\d{4})', part: 'y' },
  MM: { re: '(\\d{2})', part: 'm' },
  DD: { re: '(\\d{2})', part: 'd' },
  M: { re: '(\\d{1,2})', part: 'm' },
  D: { re: '(\\d{1,2})', part: 'd' },
};

/** Reads a date written as `format` into an ISO date, or undefined when it does not match or is not a real date. */
export type DateReader = (text: string) => IsoDate | undefined;

/**
 * A reader for dates in a vendor's layout: `format` is built from YYYY, MM, DD (two digits), M, D (one or two) and
 * any separators, e.g. `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYYMMDD`, `D/M/YYYY`. A time after the date (`… 16:30`,
 * `…T16:30`) is ignored. Throws BAD_OPTION for a format without YYYY, M(M) and D(D).
 *
 * @example dateReader('MM/DD/YYYY')('08/12/2025') // '2025-08-12'
 */
export function dateReader(format: string): DateReader {
  const parts: Array<'y' | 'm' | 'd'> = [];
  let re = '';
  for (let i = 0; i < format.length; ) {
    const tok = ['YYYY', 'MM', 'DD', 'M', 'D'].find((t) => format.startsWith(t, i));
    if (tok) {
      re += TOKENS[tok]!.re;
      parts.push(TOKENS[tok]!.part);
      i += tok.length;
    } else {
      re += format[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  if (parts.length !== 3 || new Set(parts).size !== 3) {
    throw new AftershockError('BAD_OPTION', `dateFormat ${JSON.stringify(format)} must hold YYYY, MM (or M) and DD (or D) once each, e.g. MM/DD/YYYY`, { field: 'dateFormat' });
  }
  const rx = new RegExp(`^${re}(?:[ T].*)?$`);
  return (text) => {
    const m = rx.exec(text.trim());
    if (!m) return undefined;
    const v: Record<string, string> = {};
    parts.forEach((p, k) => (v[p] = m[k + 1]!));
    const iso = `${v['y']}-${v['m']!.padStart(2, '0')}-${v['d']!.padStart(2, '0')}`;
    return isValidIsoDate(iso) ? iso : undefined;
  };
}
