export * from './auth';
export * from './firm';
export * from './platform';
export * from './scan';
