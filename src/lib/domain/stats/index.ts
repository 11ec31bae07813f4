export * from './descriptive';
export * from './reliability';
export * from './change';
