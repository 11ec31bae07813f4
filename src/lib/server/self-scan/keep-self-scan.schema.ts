// What keeping a self-scan takes: the worker's answers, as the questionnaire parsed them.
import { selfScanAnswersSchema } from '../../domain/self-scan/questionnaire';

export const keepSelfScanInput = selfScanAnswersSchema;
