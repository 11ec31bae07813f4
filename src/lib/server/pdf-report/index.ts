export * from './render-report-pdf';
