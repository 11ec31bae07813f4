export * from './schema';
export * from './load';
export * from './helpers';
export * from './codebook';
export * from './answers';
export * from './codebook-markdown';
