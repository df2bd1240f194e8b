/** Named queries. No SQL lives outside src/lib/db. */
export * from './scope.ts';
export * from './towns.ts';
export * from './ranking.ts';
export * from './per-town.ts';
export * from './totals.ts';
export * from './views.ts';
