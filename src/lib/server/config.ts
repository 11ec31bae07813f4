// Every environment variable Leerkompas reads, checked once with zod; the README lists them all.
import { resolve } from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z.object({
	DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
	LEERKOMPAS_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
	ORIGIN: z.preprocess(emptyToUndefined, z.string().url().optional()),
	PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
	HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
	BETTER_AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
	SMTP_URL: z.preprocess(emptyToUndefined, z.string().optional()),
	MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Leerkompas <noreply@leerkompas.local>')),
	LEERKOMPAS_SIGNUPS_PER_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(20)),
	LEERKOMPAS_API_REQUESTS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(120)),
	// Posts one survey link takes per ten minutes (screens and sends together): bounds a script on a link.
	LEERKOMPAS_SURVEY_POSTS_PER_10_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(30_000)),
	// Complete responses one address may send to one open link per hour; a canteen on one Wi-Fi must still fit.
	LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(50)),
	// More than this many complete responses from one address within ten minutes raise a warning signal.
	LEERKOMPAS_BURST_RESPONSES_PER_10_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(10)),
	LEERKOMPAS_THRESHOLD: z.preprocess(emptyToUndefined, z.coerce.number().int().min(3).max(50).default(5)),
	// Respondent-level answers older than this many months are removed; the report figures stay.
	LEERKOMPAS_RETENTION_MONTHS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1200).default(36))
});

export type Config = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Configuration error in environment variables:\n${lines.join('\n')}`);
	}
	return { ...parsed.data, dataDir: resolve(parsed.data.LEERKOMPAS_DATA_DIR) };
}

export function publicOrigin(config: Config): string {
	return config.ORIGIN ?? `http://localhost:${config.PORT}`;
}
