/**
 * A township's annual report read from the document itself (plain text, HTML, .docx or PDF): the
 * canonical record, where every value came from, and what could not be read.
 */
import type { Report } from './report.ts';

/** How sure the reader is of one value (absent: sure). */
export interface Certainty {
  /** the text states the number approximately (余、约、近、多): kept as stated, not exact */
  approximate?: true;
  /** why the value needs a person's check, in Chinese (e.g. 空白单元格按 0 计；单位为元，已换算为万元) */
  doubt?: string;
}

/** Where one value was read, and how sure the reader is of it. */
export type Provenance = (
  | { kind: 'table'; table: '二' | '三' | '四'; row: string; column: string }
  | { kind: 'text'; sentence: string }
) &
  Certainty;

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
