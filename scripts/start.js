// `npm start`: build when needed, then run the production server on the embedded database
// (or on DATABASE_URL when set). The server prints its URL once it is ready.
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.BODY_SIZE_LIMIT ??= '3M';
await import('../build/index.js');
