/**
 * The columns of the `reports` table, in its order: the identity columns, then one typed column
 * per catalogue metric. Shared by the table itself (reports-table.ts) and by the staged tables an
 * import reads in the same layout (csv-stage.ts), so that the two cannot drift apart.
 */

/** The identity columns, in the table's order: name, type, and whether a value is required. */
export const IDENTITY_COLUMNS = [
  ['town_key', 'VARCHAR', true],
  ['county', 'VARCHAR', true],
  ['town', 'VARCHAR', true],
  ['town_code', 'VARCHAR', false],
  ['year', 'SMALLINT', true],
  ['layout', 'VARCHAR', false],
  ['source', 'VARCHAR', true],
  ['synthetic', 'BOOLEAN', true],
  ['origin', 'VARCHAR', true],
] as const;

/** A metric's column type: INTEGER for counts and changes, DOUBLE for 万元 amounts. */
export const metricType = (kind: string): 'INTEGER' | 'DOUBLE' => (kind === 'amount' ? 'DOUBLE' : 'INTEGER');
