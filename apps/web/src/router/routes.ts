import type { Component } from 'vue';
import { RouterView, type RouteRecordRaw } from 'vue-router';
import type { Capability } from '@im/contracts';
import { Aim, DataBoard, Document, Flag, OfficeBuilding, Setting, TrendCharts, Upload } from '@element-plus/icons-vue';
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
  /** Shown only to roles holding it (ROLE_CAPABILITIES); the server enforces the same on every request. */
  capability: Capability;
}

/** Pages of the side navigation, in order (DESIGN §3.2). */
export const navItems: NavItem[] = [
  { name: 'overview', path: '/overview', labelKey: 'nav.overview', icon: DataBoard, capability: 'data.read' },
  { name: 'industry', path: '/industry', labelKey: 'nav.industry', icon: TrendCharts, capability: 'data.read' },
  { name: 'regions', path: '/regions', labelKey: 'nav.regions', icon: OfficeBuilding, capability: 'data.read' },
  { name: 'uploads', path: '/uploads', labelKey: 'nav.uploads', icon: Upload, capability: 'uploads.read' },
  { name: 'targets', path: '/targets', labelKey: 'nav.targets', icon: Aim, capability: 'data.read' },
  { name: 'brief', path: '/brief', labelKey: 'nav.brief', icon: Document, capability: 'data.read' },
  { name: 'notes', path: '/notes', labelKey: 'followUp.nav', icon: Flag, capability: 'data.read' },
  { name: 'system', path: '/system/users', labelKey: 'nav.system', icon: Setting, capability: 'users.manage' },
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: DefaultLayout,
    redirect: '/overview',
    children: [
      { path: 'overview', name: 'overview', component: () => import('../views/overview/dashboard/index.vue'), meta: { titleKey: 'page.overview', capability: 'data.read' } },
      { path: 'industry', name: 'industry', component: () => import('../views/industry/detail/index.vue'), meta: { titleKey: 'page.industry', capability: 'data.read' } },
      { path: 'regions', name: 'regions', component: () => import('../views/regions/comparison/index.vue'), meta: { titleKey: 'page.regions', capability: 'data.read' } },
      { path: 'uploads', name: 'uploads', component: () => import('../views/data/uploads/index.vue'), meta: { titleKey: 'page.uploads', capability: 'uploads.read' } },
      { path: 'targets', name: 'targets', component: () => import('../views/targets/plans/index.vue'), meta: { titleKey: 'page.targets', capability: 'data.read' } },
      { path: 'brief', name: 'brief', component: () => import('../views/brief/monthly/index.vue'), meta: { titleKey: 'page.brief', capability: 'data.read' } },
      {
        // 督办: the problem list and the monthly notes; one parent so that the nav item stays lit on both.
        path: 'notes',
        component: RouterView,
        children: [
          { path: '', name: 'notes', component: () => import('../views/notes/problems/index.vue'), meta: { titleKey: 'followUp.tabs.problems', capability: 'data.read' } },
          { path: 'monthly', name: 'notes-monthly', component: () => import('../views/notes/monthly/index.vue'), meta: { titleKey: 'followUp.tabs.monthly', capability: 'data.read' } },
        ],
      },
      { path: 'system/users', name: 'system', component: () => import('../views/system/users/index.vue'), meta: { titleKey: 'page.system', capability: 'users.manage' } },
      { path: 'system/audit', name: 'audit', component: () => import('../views/system/audit/index.vue'), meta: { titleKey: 'page.audit', capability: 'audit.read' } },
      { path: 'system/jobs', name: 'jobs', component: () => import('../views/system/jobs/index.vue'), meta: { titleKey: 'jobsPage.title', capability: 'jobs.manage' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('../views/auth/forbidden/index.vue'), meta: { titleKey: 'page.forbidden' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/error/not-found/index.vue'), meta: { titleKey: 'page.notFound' } },
    ],
  },
  // The wall screen runs full screen, without the navigation shell.
  { path: '/screen', name: 'screen', component: () => import('../views/screen/wall/index.vue'), meta: { titleKey: 'page.screen', capability: 'data.read' } },
  // The brief's print view: the document alone on A4 pages, without the navigation shell.
  { path: '/brief/print/:id', name: 'brief-print', component: () => import('../views/brief/print/index.vue'), meta: { titleKey: 'page.brief', capability: 'data.read' } },
  // Sign-in, outside the shell; the only page open without a session.
  { path: '/login', name: 'login', component: () => import('../views/auth/login/index.vue'), meta: { titleKey: 'page.login', public: true } },
];
