/**
 * A township's annual report read from the document itself (plain text, HTML or .docx): the
 * canonical record, where every value came from, and what could not be read.
 */
import type { Report } from '../model/report.ts';

/** Where one value was read. */
export type Provenance =
  | { kind: 'table'; table: '二' | '三' | '四'; row: string; column: string }
  | { kind: 'text'; sentence: string };

export interface ParsedReportDoc {
  /** the record; `source` is the file name, `synthetic` false */
  report: Report;
  /** by metric id: where each stated value came from */
  provenance: Record<string, Provenance>;
  /** 中文 warnings: what is missing, ambiguous or could not be read (each names what and where) */
  warnings: string[];
  /** the document as plain text, one paragraph or table cell per line, for showing beside the tables */
  text: string;
}
