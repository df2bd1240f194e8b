/**
 * Named points of an import on the page's performance timeline (zwgk:import:<name>): what
 * `npm run bench:import` reads (scripts/bench-lib.ts importBreakdown) to say where the time went.
 * A mark costs nothing worth measuring.
 */
export const markImport = (name: string): void => {
  performance.mark(`zwgk:import:${name}`);
};
