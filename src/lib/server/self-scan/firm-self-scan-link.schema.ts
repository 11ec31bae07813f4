// A firm's self-scan link token, as it comes in the query (?f=…): 12 random bytes in base64url.
import { z } from 'zod';

export const firmSelfScanTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);
