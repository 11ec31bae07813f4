export * from './typst';
export * from './qr';
