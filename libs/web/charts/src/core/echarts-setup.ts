/**
 * Tree-shaken ECharts: only the renderer, charts and components the product's charts use.
 * Add a chart type here when a chart component needs it; never import the full `echarts` bundle.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, LineChart, RadarChart, TreemapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';

let registered = false;

export function ensureEchartsRegistered(): void {
  if (registered) return;
  use([
    CanvasRenderer,
    BarChart,
    LineChart,
    TreemapChart,
    RadarChart,
    GridComponent,
    LegendComponent,
    TitleComponent,
    TooltipComponent,
    AriaComponent,
    MarkLineComponent,
    MarkPointComponent,
    RadarComponent,
  ]);
  registered = true;
}
