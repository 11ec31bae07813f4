export * from './instrument/index';
export * from './response';
export * from './scoring/index';
export * from './stats/index';
export * from './privacy/index';
export * from './report/index';
export * from './signals/index';
