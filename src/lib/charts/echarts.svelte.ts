/**
 * One attachment owns an ECharts instance: init, setOption on every change, resize, dispose.
 * Use as `<div {@attach echart(() => option)}>`. Each setOption bumps `data-revision`; the first
 * frame drawn after it sets `data-rendered` to the same number, so tests and benchmarks can wait
 * until a chart shows the latest data (update animations may still be running).
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export { echarts };

export interface ChartEvents {
  /** a click on a data item: its category (town) name and data index */
  onclick?: (e: { name: string; dataIndex: number }) => void;
}

export function echart(getOption: () => EChartsOption, events: ChartEvents = {}) {
  return (node: HTMLElement) => {
    const chart = echarts.init(node, undefined, { renderer: 'canvas', locale: 'ZH' });
    let revision = 0;
    let pending = 0;
    chart.on('rendered', () => {
      if (node.dataset.rendered !== String(pending)) node.dataset.rendered = String(pending);
    });
    if (events.onclick) {
      const onclick = events.onclick;
      chart.on('click', (p) => onclick({ name: String(p.name), dataIndex: p.dataIndex }));
    }
    $effect(() => {
      const option = getOption();
      pending = ++revision;
      node.dataset.revision = String(pending);
      const t0 = performance.now();
      // When the new option comes with a new size, resize an empty chart first: resizing after
      // setOption would draw the whole chart twice.
      if (node.clientWidth !== chart.getWidth() || node.clientHeight !== chart.getHeight()) {
        chart.clear();
        chart.resize();
      }
      chart.setOption(option, { notMerge: true });
      performance.measure('chart', { start: t0, end: performance.now() });
    });
    const ro = new ResizeObserver(() => {
      if (node.clientWidth !== chart.getWidth() || node.clientHeight !== chart.getHeight()) chart.resize();
    });
    ro.observe(node);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  };
}
