// The self-scan's questions, read once from content/self-scan/ and checked against their schema, so a broken
// content file stops the start instead of showing a half page to a worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selfScanQuestionnaireSchema, type SelfScanQuestionnaire } from '../../domain/self-scan/questionnaire';

export const SELF_SCAN_CONTENT = join('content', 'self-scan', 'v1.json');

let loaded: SelfScanQuestionnaire | undefined;

export function selfScanQuestionnaire(): SelfScanQuestionnaire {
	loaded ??= selfScanQuestionnaireSchema.parse(JSON.parse(readFileSync(SELF_SCAN_CONTENT, 'utf8')));
	return loaded;
}
