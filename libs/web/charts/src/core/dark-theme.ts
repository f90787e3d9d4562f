/**
 * The dark variant of a chart option for the wall screen (数据大屏): light text and quiet grid lines
 * on a dark background. Copies the parts it changes; formatters and data are kept as they are.
 */
import type { DashboardOption } from './dashboard-option';

export const DARK = { text: '#e8f0fb', muted: '#a9c1e0', line: 'rgba(169, 193, 224, 0.18)', axis: 'rgba(169, 193, 224, 0.45)' } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const mapOne = <T>(v: T | T[] | undefined, f: (x: T) => T): T | T[] | undefined => (Array.isArray(v) ? v.map(f) : v === undefined ? v : f(v));

function axis(a: Obj, scale = 1): Obj {
  return {
    ...a,
    ...(typeof a.nameGap === 'number' ? { nameGap: a.nameGap * scale } : {}),
    axisLabel: { ...(isObj(a.axisLabel) ? a.axisLabel : {}), color: DARK.muted, fontSize: 12 * scale },
    nameTextStyle: { ...(isObj(a.nameTextStyle) ? a.nameTextStyle : {}), color: DARK.muted, fontSize: 12 * scale },
    axisLine: { lineStyle: { color: DARK.axis } },
    splitLine: isObj(a.splitLine) && a.splitLine.show === false ? a.splitLine : { lineStyle: { color: DARK.line } },
  };
}

/** `scale` enlarges the text (a wall read from across a room). */
export function withDarkTheme(option: DashboardOption, scale = 1): DashboardOption {
  const o = option as Obj;
  const out: Obj = { ...o, backgroundColor: 'transparent' };
  if (isObj(o.title)) {
    const t = o.title;
    out.title = { ...t, textStyle: { ...(isObj(t.textStyle) ? t.textStyle : {}), color: DARK.text }, subtextStyle: { ...(isObj(t.subtextStyle) ? t.subtextStyle : {}), color: DARK.muted } };
  }
  if (isObj(o.legend)) out.legend = { ...o.legend, textStyle: { color: DARK.text, fontSize: 12 * scale } };
  out.xAxis = mapOne(o.xAxis as Obj | Obj[] | undefined, (a) => axis(a, scale));
  out.yAxis = mapOne(o.yAxis as Obj | Obj[] | undefined, (a) => axis(a, scale));
  if (isObj(o.radar)) out.radar = { ...o.radar, axisName: { color: DARK.text, fontSize: 12 * scale }, splitLine: { lineStyle: { color: DARK.line } }, axisLine: { lineStyle: { color: DARK.axis } } };
  out.series = mapOne(o.series as Obj | Obj[] | undefined, (s) =>
    isObj(s.label) ? { ...s, label: { ...s.label, color: DARK.text, fontSize: Number(s.label.fontSize ?? 11) * scale } } : s,
  );
  return out as DashboardOption;
}
