// The report shell: publishing versions, and the formats (HTML, PDF is in ../pdf-report, JSON is the
// domain report as stored).
export * from './report-round';
export * from './publish-report';
export * from './round-report';
export * from './build-document';
export * from './html/render-html';
export * from './publish-at-close';
