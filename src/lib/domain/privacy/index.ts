export * from './threshold';
export * from './suppression';
export * from './publication';
