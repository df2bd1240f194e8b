/**
 * The store: the database connection, the attached database that holds the `reports` and `towns`
 * tables (reports-table.ts), and the version of those tables. Queries and loads are given the
 * store and name the tables through it; nothing else knows where the reports are.
 *
 * A replacement of every report is loaded into a new attached database (compressed or not as its
 * size asks) and switched to at once (switchTo); the old one is then detached, which frees its
 * memory. The version is bumped whenever the towns table may change (before and after it is
 * rebuilt, and on a switch), so that what is remembered of it (queries/per-town.ts townLabels) is
 * read again.
 *
 * A Store is itself a SqlClient (its statements go to the connection it was made with), so a
 * query needs one argument for both the connection and the tables.
 */
import type { Table } from 'apache-arrow';
import type { Param, SqlClient } from './sql.ts';

export class Store implements SqlClient {
  #database = 'store';
  #version = 0;

  constructor(readonly sql: SqlClient) {}

  /** the attached database holding the tables (an identifier made by this project, never from a file) */
  get database(): string {
    return this.#database;
  }

  get reports(): string {
    return `${this.#database}.reports`;
  }

  get towns(): string {
    return `${this.#database}.towns`;
  }

  /** the towns table's version: read it before reading the table, compare it after */
  get version(): number {
    return this.#version;
  }

  /** The towns table may change (or has changed): what is remembered of it is stale. */
  touch(): void {
    this.#version++;
  }

  /** From now on the tables are those of the attached database `database`. */
  switchTo(database: string): void {
    this.#version++;
    this.#database = database;
  }

  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.sql.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.sql.exec(sql);
  }

  insertArrow(table: Table, name: string): Promise<void> {
    return this.sql.insertArrow(table, name);
  }

  appendArrow(table: Table, schema: string, name: string): Promise<void> {
    return this.sql.appendArrow(table, schema, name);
  }

  registerFile(name: string, file: Blob): Promise<void> {
    return this.sql.registerFile(name, file);
  }

  dropFile(name: string): Promise<void> {
    return this.sql.dropFile(name);
  }
}
