import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Aim, DataBoard, Document, OfficeBuilding, Setting, TrendCharts, Upload } from '@element-plus/icons-vue';
import DefaultLayout from '../layouts/default-layout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document title). */
    titleKey?: string;
  }
}

export interface NavItem {
  name: string;
  path: string;
  labelKey: string;
  icon: Component;
}

/** Pages of the side navigation, in order (DESIGN §3.2). */
export const navItems: NavItem[] = [
  { name: 'overview', path: '/overview', labelKey: 'nav.overview', icon: DataBoard },
  { name: 'industry', path: '/industry', labelKey: 'nav.industry', icon: TrendCharts },
  { name: 'regions', path: '/regions', labelKey: 'nav.regions', icon: OfficeBuilding },
  { name: 'uploads', path: '/uploads', labelKey: 'nav.uploads', icon: Upload },
  { name: 'targets', path: '/targets', labelKey: 'nav.targets', icon: Aim },
  { name: 'brief', path: '/brief', labelKey: 'nav.brief', icon: Document },
  { name: 'system', path: '/system/users', labelKey: 'nav.system', icon: Setting },
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: DefaultLayout,
    redirect: '/overview',
    children: [
      { path: 'overview', name: 'overview', component: () => import('../views/overview/dashboard/index.vue'), meta: { titleKey: 'page.overview' } },
      { path: 'industry', name: 'industry', component: () => import('../views/industry/detail/index.vue'), meta: { titleKey: 'page.industry' } },
      { path: 'regions', name: 'regions', component: () => import('../views/regions/comparison/index.vue'), meta: { titleKey: 'page.regions' } },
      { path: 'uploads', name: 'uploads', component: () => import('../views/data/uploads/index.vue'), meta: { titleKey: 'page.uploads', capability: 'uploads.read' } },
      { path: 'targets', name: 'targets', component: () => import('../views/targets/plans/index.vue'), meta: { titleKey: 'page.targets' } },
      { path: 'brief', name: 'brief', component: () => import('../views/brief/monthly/index.vue'), meta: { titleKey: 'page.brief' } },
      { path: 'system/users', name: 'system', component: () => import('../views/system/users/index.vue'), meta: { titleKey: 'page.system' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/error/not-found/index.vue'), meta: { titleKey: 'page.notFound' } },
    ],
  },
  // The wall screen runs full screen, without the navigation shell.
  { path: '/screen', name: 'screen', component: () => import('../views/screen/wall/index.vue'), meta: { titleKey: 'page.screen' } },
];
