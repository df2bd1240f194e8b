/**
 * What the import panel says about an import's outcome, from the same counts the load button
 * shows (compose.ts ImportCounts), so that the button, the plan and the result never disagree.
 */
import { loadedCount, type ImportCounts } from './compose.ts';

/** The parts of what is loaded: `新增 2 份，更新已填写的单元格 3 份`. */
function loadedParts(c: ImportCounts): string {
  const parts: string[] = [];
  if (c.added > 0) parts.push(`新增 ${c.added} 份`);
  if (c.merged > 0) parts.push(`更新已填写的单元格 ${c.merged} 份`);
  if (c.replaced > 0) parts.push(`整份替换 ${c.replaced} 份`);
  return parts.join('，');
}

/** The reports not loaded, and why; `future`: before the load. */
function notLoaded(c: ImportCounts, future: boolean): string[] {
  const out: string[] = [];
  if (c.kept > 0) out.push(`${c.kept} 份与已有数据冲突的报告${future ? '将' : ''}保留${future ? '' : '了'}原有数据`);
  if (c.unchanged > 0) out.push(`${c.unchanged} 份报告填写的数值与已有数据相同，${future ? '不会' : '没有'}变化`);
  if (c.same > 0) out.push(`${c.same} 份报告与已载入的数据完全相同，${future ? '不会' : '未'}重复载入`);
  return out;
}

/** Before the load: what it will do, as the choices stand. */
export function planText(c: ImportCounts): string {
  const n = loadedCount(c);
  const rest = notLoaded(c, true);
  const head = n > 0 ? `将载入 ${n} 份报告（${loadedParts(c)}）` : '按目前的选择，没有报告需要载入';
  return `${head}${rest.length > 0 ? `；${rest.join('；')}` : ''}。`;
}

/**
 * After the load: what was loaded, and what was not. `modeChanged`: 仅使用导入数据 was switched
 * on or off with it.
 */
export function resultText(c: ImportCounts, modeChanged: boolean, onlyImported: boolean): string {
  const n = loadedCount(c);
  const head = n > 0 ? `已载入 ${n} 份报告（${loadedParts(c)}）` : '没有载入报告';
  const rest = notLoaded(c, false);
  const mode = modeChanged ? (onlyImported ? '现在仅显示导入的数据' : '现在导入的数据与内置数据并存') : '';
  const tail = n === 0 && !modeChanged ? '，数据没有变化' : '';
  return `${head}${rest.length > 0 ? `：${rest.join('；')}` : ''}${mode ? `；${mode}` : ''}${tail}。`;
}
