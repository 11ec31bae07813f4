export * from './chart-model';
export * from './render-chart';
