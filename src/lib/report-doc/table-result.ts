/** What reading one table yields: values and their provenance by metric id, and 中文 warnings. */
import type { Provenance } from '../model/report-doc.ts';

export interface TableResult {
  /** stated values only: an empty cell is left out (not reported) */
  values: Record<string, number>;
  provenance: Record<string, Provenance>;
  warnings: string[];
  /** how many rows (table 二, 三) or numbers (table 四) were read */
  rowsRead: number;
}
