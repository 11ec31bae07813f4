// A round is always looked up together with its firm: an id from the URL on its own proves nothing.
import { z } from 'zod';

const roundIdSchema = z.uuid();

/** The round id from a URL or form, or null when it cannot be one (and so answers like an unknown round). */
export function parseRoundId(value: unknown): string | null {
	const parsed = roundIdSchema.safeParse(value);
	return parsed.success ? parsed.data.toLowerCase() : null;
}
