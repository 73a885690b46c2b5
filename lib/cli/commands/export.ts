import { readFileSync } from 'node:fs';
import { EXPORT_FORMATS, exportItems, isExportFormat } from '../../export/index';
import { validateCslItems } from '../../import/csl-json';
import { type ParsedArgs, UsageError, requireFlag } from '../args';

export const usage = `export --data ITEMS.json --format ${EXPORT_FORMATS.join('|')}    write a CSL-JSON array in that format`;

/** Reads a CSL-JSON array and prints it in the requested format; bad input fails with a clear message. */
export function run(args: ParsedArgs): void {
  const file = requireFlag(args, 'data');
  const format = requireFlag(args, 'format');
  if (!isExportFormat(format)) throw new UsageError(`unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error(`${file} must hold a JSON array of CSL-JSON items`);
  const { items, rejected } = validateCslItems(data);
  if (rejected.length) {
    const first = rejected[0];
    throw new Error(`${file}: ${rejected.length} of ${data.length} items are not CSL-JSON items; item ${first.index + 1}: ${first.reason}`);
  }
  process.stdout.write(exportItems(items, format).text);
}
