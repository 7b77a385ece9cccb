// ECharts, modular: only the charts and components the dashboard draws, so the charts chunk stays
// small. Loaded by Chart.tsx the first time a page draws a chart; add a chart type here before using it.
import {
  BarChart,
  CustomChart,
  GaugeChart,
  GraphChart,
  LineChart,
  PieChart,
  ScatterChart,
  SankeyChart,
} from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  CustomChart,
  GaugeChart,
  GraphChart,
  LineChart,
  PieChart,
  ScatterChart,
  SankeyChart,
  AriaComponent,
  DataZoomComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { init };
