import { Box } from '@strapi/design-system';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';

// Only the chart types and parts the dashboard draws, so that the admin bundle carries no more of ECharts than that.
// SVG rather than canvas: crisp at any zoom, and its text stays text.
use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>;

/**
 * An ECharts chart of `option`, sized to its box and redrawn when the option changes. Screen readers get the
 * table drawn beside each chart; ECharts' own aria description is on too.
 */
export const Chart = ({ option, height = 280, label }: { option: ChartOption; height?: number; label: string }) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, tooltip: {}, ...option }, true);
  }, [option]);

  return (
    <Box>
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} data-testid="dashboard-chart" />
    </Box>
  );
};
