/**
 * Rows that name their town the way a clerk writes it, matched to the towns already loaded (the
 * counties shown) and then to the division list: a row without a county ("南旺镇", as in a sheet of
 * one county's towns), a name with the office words ("南旺镇人民政府", "南站街道办事处") or spaces
 * ("南 旺 镇"). A match fills in the county and the loaded name and code, so that the report meets
 * the loaded one in the conflict review instead of becoming a second town; a name that fits
 * several towns, or none, is a warning naming them — a town with an empty county is never made
 * silently. Nothing else in a row is changed.
 */
import type { Report } from '../model/report.ts';
import { OFFICE_SUFFIX, type DivisionIndex } from './division-match.ts';
import { issue, type IngestIssue } from './issues.ts';
import { normalizeText } from './values.ts';

/** A town already in the dashboard. */
export interface KnownTown {
  county: string;
  town: string;
  town_code: string | null;
}

/** A town name reduced for matching: NFKC, no spaces, without 人民政府 / 政府 / 办事处. */
export const bareTownName = (name: string): string => normalizeText(name).replace(/\s+/g, '').replace(OFFICE_SUFFIX, '');

type Identity = Pick<Report, 'county' | 'town' | 'town_code'>;

interface Candidate extends KnownTown {
  /** from the division list rather than the loaded data */
  listed: boolean;
}

const at = (c: Identity) => `${c.county}${c.town}`;

/** At most this many names are listed in one notice. */
const SHOWN = 6;
const listShown = (names: readonly string[]) => `${names.slice(0, SHOWN).join('、')}${names.length > SHOWN ? ` 等 ${names.length} 个` : ''}`;

export class TownResolver {
  private byName = new Map<string, KnownTown[]>();
  private byCode = new Map<string, KnownTown>();
  private listedByName: Map<string, Candidate[]> | null = null;
  /** by the row's (county, town, code): the identity it becomes, or null to keep it */
  private memo = new Map<string, Identity | null>();
  private matchedLoaded = new Set<string>();
  private matchedListed = new Set<string>();
  private renamed = new Set<string>();
  private warnings: IngestIssue[] = [];

  constructor(
    known: readonly KnownTown[],
    private divisions: DivisionIndex | null,
    private file: string,
  ) {
    for (const t of known) {
      const key = bareTownName(t.town);
      const list = this.byName.get(key);
      if (list) list.push(t);
      else this.byName.set(key, [t]);
      if (t.town_code) this.byCode.set(t.town_code, t);
    }
  }

  /** The identity a row's report takes, or null when it stays as written. `row` names it in warnings. */
  resolve(r: Identity, row: number | null): Identity | null {
    const key = `${r.county}\u001f${r.town}\u001f${r.town_code ?? ''}`;
    let out = this.memo.get(key);
    if (out === undefined) {
      out = this.find(r, row);
      this.memo.set(key, out);
    }
    return out;
  }

  /** The notices of everything matched (one each), then the warnings (one per name). */
  issues(): IngestIssue[] {
    const out: IngestIssue[] = [];
    const loaded = [...this.matchedLoaded];
    const listed = [...this.matchedListed];
    if (loaded.length > 0) out.push(issue('info', this.file, `${loaded.length} 个镇街没有填写县（市、区），已按已载入的数据对应到${listShown(loaded)}`));
    if (listed.length > 0) out.push(issue('info', this.file, `${listed.length} 个镇街没有填写县（市、区），已按区划代码表对应到${listShown(listed)}`));
    if (this.renamed.size > 0) out.push(issue('info', this.file, `镇街名称去掉了「人民政府」「办事处」等字样或空格：${listShown([...this.renamed])}`));
    return [...out, ...this.warnings];
  }

  private find(r: Identity, row: number | null): Identity | null {
    const county = normalizeText(r.county);
    const bare = bareTownName(r.town);
    if (county === '') {
      // a code names the town: its county from the loaded town or the division list
      if (r.town_code) {
        const home = this.byCode.get(r.town_code)?.county ?? this.divisions?.byCode.get(r.town_code)?.division.county;
        return home ? this.take(r, { county: home, town: r.town, town_code: r.town_code }, false) : null;
      }
      const loaded = this.byName.get(bare) ?? [];
      if (loaded.length === 1) return this.take(r, loaded[0]!, false);
      if (loaded.length > 1) {
        this.warn(row, r, `「${r.town}」没有填写县（市、区），已载入的数据中有 ${loaded.length} 个同名镇街（${listShown(loaded.map(at))}），无法确定是哪一个：请在文件中加一列「县（市、区）」`);
        return null;
      }
      const listed = this.listed(bare);
      if (listed.length === 1) return this.take(r, listed[0]!, true);
      this.warn(
        row,
        r,
        listed.length > 1
          ? `「${r.town}」没有填写县（市、区），区划代码表中有 ${listed.length} 个同名镇街（${listShown(listed.map(at))}），无法确定是哪一个：将作为县（市、区）为空的新镇街载入；请在文件中加一列「县（市、区）」`
          : `「${r.town}」没有填写县（市、区），也不在已载入的数据和区划代码表中：将作为县（市、区）为空的新镇街载入`,
      );
      return null;
    }
    if (bare === normalizeText(r.town)) return null;
    // 南旺镇人民政府 in a county: the loaded town or the division of that county with the bare name
    const loaded = (this.byName.get(bare) ?? []).filter((t) => normalizeText(t.county) === county);
    if (loaded.length === 1) return this.take(r, { ...loaded[0]!, town_code: r.town_code ?? loaded[0]!.town_code }, false);
    const listed = this.divisions?.byCounty.get(county)?.filter((d) => d.name === bare) ?? [];
    if (listed.length >= 1) return this.take(r, { county: r.county, town: listed[0]!.division.name, town_code: r.town_code }, true);
    return null;
  }

  private take(r: Identity, to: KnownTown, listed: boolean): Identity {
    const out: Identity = { county: to.county, town: to.town, town_code: r.town_code ?? to.town_code };
    const name = normalizeText(r.town);
    if (normalizeText(r.county) === '') (listed ? this.matchedListed : this.matchedLoaded).add(at(out));
    if (bareTownName(name) !== name) this.renamed.add(`「${r.town}」读作「${out.town}」`);
    return out;
  }

  private listed(bare: string): Candidate[] {
    if (!this.divisions) return [];
    if (!this.listedByName) {
      this.listedByName = new Map();
      for (const d of this.divisions.byCode.values()) {
        const c: Candidate = { county: d.division.county, town: d.division.name, town_code: d.division.code, listed: true };
        const list = this.listedByName.get(d.name);
        if (list) list.push(c);
        else this.listedByName.set(d.name, [c]);
      }
    }
    return this.listedByName.get(bare) ?? [];
  }

  private warn(row: number | null, r: Identity, message: string) {
    this.warnings.push(issue('warning', this.file, message, { row, column: '镇街', value: r.town }));
  }
}
