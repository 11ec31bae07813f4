// The report's own styles, scoped to .lk-report: the web page puts them in its <head>, the stand-alone
// HTML file inline, so both look the same. Colours meet WCAG AA contrast on white.
export const reportCss = `
.lk-report { color: #1d2b2a; }
.lk-report h1 { font-size: 1.6rem; margin: 0 0 0.5rem; line-height: 1.25; }
.lk-report h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #c9d3d1; line-height: 1.25; }
.lk-report h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; line-height: 1.3; }
.lk-report h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.lk-report section > section { background: #fff; border: 1px solid #c9d3d1; border-radius: 0.5rem; padding: 0.25rem 1rem 1rem; margin: 1rem 0; }
.lk-report .lk-eyebrow { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; color: #4a5a58; margin: 0; }
.lk-report .lk-muted { color: #4a5a58; }
.lk-report .lk-notice { border-radius: 0.5rem; padding: 0.5rem 1rem; margin: 0.75rem 0; border-left: 6px solid; }
.lk-report .lk-notice p { margin: 0.3rem 0; }
.lk-report .lk-info { background: #eef3fb; border-color: #2c5aa0; }
.lk-report .lk-warn { background: #fff6e0; border-color: #a35c00; }
.lk-report .lk-downloads { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.lk-report .lk-downloads a { color: #1f5f5b; font-weight: 600; }
.lk-report .lk-toc ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; }
.lk-report .lk-toc a { color: #1f5f5b; }
.lk-report figure.lk-chart { margin: 1rem 0; background: #fff; border: 1px solid #c9d3d1; border-radius: 0.5rem; padding: 0.75rem; }
.lk-report figcaption { font-weight: 600; margin-bottom: 0.5rem; }
.lk-report .lk-chart-image svg { display: block; max-width: 100%; height: auto; }
.lk-report details.lk-chart-table { margin-top: 0.5rem; }
.lk-report details.lk-chart-table summary { cursor: pointer; color: #1f5f5b; font-weight: 600; min-height: 24px; }
.lk-report .lk-table-wrap { overflow-x: auto; margin: 0.5rem 0; }
.lk-report table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.95rem; }
.lk-report caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
.lk-report th, .lk-report td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #c9d3d1; vertical-align: top; }
.lk-report th[scope='row'] { font-weight: 400; }
.lk-report .lk-num { text-align: right; white-space: nowrap; }
.lk-report .lk-hidden-group td { font-style: italic; color: #4a5a58; }
.lk-report .lk-open-answers li { white-space: pre-line; margin: 0.3rem 0; }
.lk-report dl.lk-terms dt { font-weight: 600; margin-top: 0.6rem; }
.lk-report dl.lk-terms dd { margin: 0.1rem 0 0; }
.lk-report ol.lk-recommendations { list-style: none; padding: 0; margin: 1rem 0; }
.lk-report ol.lk-recommendations li { background: #fff; border: 1px solid #c9d3d1; border-left: 6px solid #1f5f5b; border-radius: 0.5rem; padding: 0.25rem 1rem 0.5rem; margin: 0.75rem 0; }
.lk-report ol.lk-recommendations h3 { margin: 0.5rem 0 0.25rem; }
.lk-report ol.lk-recommendations a { color: #1f5f5b; }
.lk-report .lk-reason { color: #4a5a58; font-style: italic; }
.lk-report form.lk-choice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 0.75rem 0; }
.lk-report form.lk-choice label { font-weight: 600; }
.lk-report form.lk-choice select { flex: 1 1 14rem; min-width: 0; max-width: 30rem; }
.lk-report a:focus-visible, .lk-report summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;
