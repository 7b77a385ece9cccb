import { Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });

export const Readiness = Type.Object(
  {
    status: Type.Literal('ready'),
    database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  },
  { additionalProperties: false },
);

export const MetricsText = Type.String({ description: 'Prometheus text exposition format' });
