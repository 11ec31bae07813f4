export * from './schema';
export * from './guide';
export * from './build';
export * from './change';
export * from './disclosure';
