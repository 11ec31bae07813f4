export * from './auth';
export * from './firm';
export * from './platform';
export * from './scan';
export * from './report';
export * from './data-rights';
export * from './action';
export * from './knowledge';
