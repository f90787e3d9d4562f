export * from './catalog';
export * from './health';
export * from './observations';
export * from './plans';
