import { escapeHtml, stable } from './format';

/** A table cell: text to show, and for numbers the value to sort by and a sign colour. */
export interface Cell {
  readonly text: string;
  readonly v?: number | null;
  /** Colour the cell by the sign of `v` (returns). */
  readonly signed?: boolean;
}

export const c = (text: string): Cell => ({ text });
export const n = (text: string, v: number | null | undefined, signed = false): Cell => ({ text, v: v ?? null, signed });

/** Long identifiers (`CRWV:earnings:2025-08-12`) may break after a colon, so tables fit the page. */
const breakable = (html: string) => html.replace(/:(?=\S)/g, ':<wbr>');

/** A sortable HTML table; every text is escaped. */
export function htmlTable(header: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[] = [], cls = ''): string {
  const th = header.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => {
      const tds = r.map((cell) => {
        if (cell.v === undefined) return `<td>${breakable(escapeHtml(cell.text))}</td>`;
        const v = cell.v === null ? null : stable(cell.v);
        const cls = ['n', ...(cell.signed && v !== null && v !== 0 ? [v < 0 ? 'neg' : 'pos'] : [])].join(' ');
        return `<td class="${cls}" data-v="${v === null ? '' : v}">${escapeHtml(cell.text)}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="sortable${cls ? ' ' + cls : ''}"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
