/** Options of the wall screen from its URL: `?view=industries&interval=30&plan=xm-sei-14`. */
import type { LocationQuery } from 'vue-router';

export const WALL_VIEWS = ['targets', 'industries', 'parks'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

export const DEFAULT_INTERVAL_SECONDS = 20;
export const MIN_INTERVAL_SECONDS = 5;

export interface WallOptions {
  view: WallView;
  intervalSeconds: number;
  plan: string;
}

function first(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function parseWallQuery(query: LocationQuery): WallOptions {
  const view = first(query.view);
  const interval = Number(first(query.interval));
  return {
    view: (WALL_VIEWS as readonly string[]).includes(view ?? '') ? (view as WallView) : 'targets',
    intervalSeconds: Number.isFinite(interval) && interval >= MIN_INTERVAL_SECONDS ? Math.min(interval, 3600) : DEFAULT_INTERVAL_SECONDS,
    plan: first(query.plan) ?? 'xm-sei-14',
  };
}
