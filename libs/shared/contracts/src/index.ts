export * from './catalog';
export * from './health';
export * from './observations';
export * from './plans';
export * from './uploads';
export * from './dashboards';
export * from './auth';
