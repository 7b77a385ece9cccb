import type { EChartsOption } from '../../app/Chart.tsx';

/** An OEE gauge (0-100 %), coloured red below 60 %, amber below 85 %, green above (world-class mark). */
export function oeeGauge(oee: number | undefined): EChartsOption {
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        radius: '95%',
        center: ['50%', '60%'],
        startAngle: 200,
        endAngle: -20,
        progress: { show: true, width: 12 },
        axisLine: {
          lineStyle: {
            width: 12,
            color: [
              [0.6, '#f3c9c9'],
              [0.85, '#f6e2b3'],
              [1, '#cfe9d6'],
            ],
          },
        },
        itemStyle: {
          color: oee === undefined ? '#8594a6' : oee < 0.6 ? '#b01c1c' : oee < 0.85 ? '#8a5a00' : '#1d6b34',
        },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '35%'], fontSize: 12, color: '#4d5a69' },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '0%'],
          fontSize: 22,
          fontWeight: 600,
          color: '#1b2430',
          formatter: oee === undefined ? '–' : '{value}%',
        },
        data: [{ value: oee === undefined ? 0 : Math.round(oee * 1000) / 10, name: 'OEE today' }],
      },
    ],
  };
}
