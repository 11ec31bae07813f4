// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers use (schemas.ts, and the
// knowledge search's own parameter schema) with zod's own z.toJSONSchema: a change to a schema changes the
// document, and a test calls every operation in it. Its words come from the message files: the served document
// is in English (a developer contract), the readable page (/api/docs) renders the same document in the reader's
// language. Whether an operation writes is the extension `x-leerkompas-write`, so programs can read it too.
import { z } from 'zod';
import type { AppLocale } from '../../domain/instrument';
import { searchParamsSchema } from '../../server/knowledge/search-entries.schema';
import * as m from '../../paraglide/messages';
import {
	actionPlanSchema,
	apiErrorSchema,
	createRoundBodySchema,
	firmListSchema,
	firmSchema,
	knowledgeEntryApiSchema,
	knowledgeSearchSchema,
	reportApiSchema,
	roundListSchema,
	roundSchema
} from './schemas';

type Method = 'get' | 'post';
type Text = (inputs: Record<string, never>, options: { locale: AppLocale }) => string;

/** Refusals besides the ones every operation can give (401, 429, 503) and a write's 403. */
type Refusal = '400' | '404' | '409' | '422';
type ErrorStatus = Refusal | '401' | '403' | '429' | '503';

interface PathParam {
	name: string;
	about: Text;
}

export interface ApiOperation {
	path: string;
	method: Method;
	summary: Text;
	description: Text;
	/** Needs a token with write access (the route says so too: apiRoute's `write`). */
	write: boolean;
	params: PathParam[];
	/** Query parameters: the schema the handler parses them with, and a text per parameter. */
	query?: { schema: z.ZodObject; about: Record<string, Text> };
	body?: z.ZodType;
	status: 200 | 201;
	response: z.ZodType;
	refusals: Refusal[];
}

const FIRM: PathParam = { name: 'slug', about: m.api_param_firm };
const ROUND: PathParam = { name: 'roundId', about: m.api_param_round };
const ENTRY: PathParam = { name: 'slug', about: m.api_param_entry };

const KNOWLEDGE_QUERY: Record<keyof typeof searchParamsSchema.shape, Text> = {
	q: m.api_param_q,
	aspect: m.api_param_aspect,
	worry: m.api_param_worry,
	kind: m.api_param_kind,
	sector: m.api_param_sector,
	size: m.api_param_size,
	cost: m.api_param_cost,
	evidence: m.api_param_evidence
};

export const API_OPERATIONS: readonly ApiOperation[] = [
	{ path: '/firms', method: 'get', summary: m.api_op_firms, description: m.api_op_firms_about, write: false, params: [], status: 200, response: firmListSchema, refusals: [] },
	{ path: '/firms/{slug}', method: 'get', summary: m.api_op_firm, description: m.api_op_firm_about, write: false, params: [FIRM], status: 200, response: firmSchema, refusals: ['404'] },
	{ path: '/firms/{slug}/rounds', method: 'get', summary: m.api_op_rounds, description: m.api_op_rounds_about, write: false, params: [FIRM], status: 200, response: roundListSchema, refusals: ['404'] },
	{ path: '/firms/{slug}/rounds', method: 'post', summary: m.api_op_start_round, description: m.api_op_start_round_about, write: true, params: [FIRM], body: createRoundBodySchema, status: 201, response: roundSchema, refusals: ['400', '404', '422'] },
	{ path: '/firms/{slug}/rounds/{roundId}', method: 'get', summary: m.api_op_round, description: m.api_op_round_about, write: false, params: [FIRM, ROUND], status: 200, response: roundSchema, refusals: ['404'] },
	{ path: '/firms/{slug}/rounds/{roundId}/close', method: 'post', summary: m.api_op_close_round, description: m.api_op_close_round_about, write: true, params: [FIRM, ROUND], status: 200, response: roundSchema, refusals: ['404', '409'] },
	{ path: '/firms/{slug}/rounds/{roundId}/report', method: 'get', summary: m.api_op_report, description: m.api_op_report_about, write: false, params: [FIRM, ROUND], status: 200, response: reportApiSchema, refusals: ['404'] },
	{ path: '/firms/{slug}/actions', method: 'get', summary: m.api_op_actions, description: m.api_op_actions_about, write: false, params: [FIRM], status: 200, response: actionPlanSchema, refusals: ['404'] },
	{ path: '/knowledge', method: 'get', summary: m.api_op_knowledge, description: m.api_op_knowledge_about, write: false, params: [], query: { schema: searchParamsSchema, about: KNOWLEDGE_QUERY }, status: 200, response: knowledgeSearchSchema, refusals: [] },
	{ path: '/knowledge/{slug}', method: 'get', summary: m.api_op_entry, description: m.api_op_entry_about, write: false, params: [ENTRY], status: 200, response: knowledgeEntryApiSchema, refusals: ['404'] }
];

const ERRORS: Record<ErrorStatus, Text> = {
	'400': m.api_status_400,
	'401': m.api_status_401,
	'403': m.api_status_403,
	'404': m.api_status_404,
	'409': m.api_status_409,
	'422': m.api_status_422,
	'429': m.api_status_429,
	'503': m.api_status_503
};

const seconds = { schema: { type: 'integer', minimum: 0 } };

function errorStatuses(op: ApiOperation): ErrorStatus[] {
	// apiRoute gives 401, 429 and 503 on every route; 403 only where it checks for write access.
	const statuses: ErrorStatus[] = [...op.refusals, '401', '429', '503', ...(op.write ? (['403'] as const) : [])];
	return statuses.sort();
}

function errorResponse(status: ErrorStatus, locale: AppLocale) {
	const retry = status === '429' || status === '503' ? { 'Retry-After': { description: m.api_header_retry_after({}, { locale }), ...seconds } } : {};
	const challenge = status === '401' ? { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } } : {};
	const headers = { ...retry, ...challenge };
	return {
		description: ERRORS[status]({}, { locale }),
		...(Object.keys(headers).length > 0 ? { headers } : {}),
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	};
}

function queryParameters(query: ApiOperation['query'], locale: AppLocale) {
	if (!query) return [];
	const json = z.toJSONSchema(query.schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as { properties: Record<string, Record<string, unknown>> };
	return Object.keys(query.schema.shape).map((name) => {
		const { default: _caught, ...schema } = json.properties[name]!;
		const about = query.about[name];
		return {
			name,
			in: 'query',
			// A value the schema does not take is dropped (`.catch`), never refused: no query parameter is required.
			required: !query.schema.shape[name]!.safeParse(undefined).success,
			...(about ? { description: about({}, { locale }) } : {}),
			schema
		};
	});
}

const operationId = (op: Pick<ApiOperation, 'method' | 'path'>) => `${op.method}${op.path.replace(/\{([^}]+)\}/g, 'By_$1').replace(/[^a-z_]+/gi, '_')}`;

function operation(op: ApiOperation, locale: AppLocale, ref: (schema: z.ZodType) => { $ref: string }) {
	return {
		summary: op.summary({}, { locale }),
		description: op.description({}, { locale }),
		operationId: operationId(op),
		'x-leerkompas-write': op.write,
		parameters: [
			...op.params.map((p) => ({ name: p.name, in: 'path', required: true, description: p.about({}, { locale }), schema: { type: 'string' } })),
			...queryParameters(op.query, locale)
		],
		...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
		responses: {
			[String(op.status)]: { description: op.summary({}, { locale }), content: { 'application/json': { schema: ref(op.response) } } },
			...Object.fromEntries(errorStatuses(op).map((status) => [status, errorResponse(status, locale)]))
		}
	};
}

/**
 * Every schema once, in components, referred to by $ref. `locale` chooses the words only: /api/v1/openapi.json
 * is always English, the readable page asks for the reader's language.
 */
export function openApiDocument(origin: string, locale: AppLocale = 'en'): Record<string, unknown> {
	const registry = z.registry<{ id: string }>();
	const named = new Map<z.ZodType, string>();
	for (const op of API_OPERATIONS) {
		for (const schema of [op.response, op.body]) {
			if (!schema || named.has(schema)) continue;
			const id = (schema.meta() as { id?: string } | undefined)?.id ?? `${op.method}${op.path.replace(/[^a-z]+/gi, '_')}`;
			named.set(schema, id);
			registry.add(schema, { id });
		}
	}
	registry.add(apiErrorSchema, { id: 'Error' });
	const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any', target: 'draft-2020-12' });
	// A schema named with .meta({ id }) but used only inside another lands in '__shared'; give it a component of its own.
	const { __shared: shared, ...own } = schemas;
	const components = { ...own, ...((shared as { $defs?: Record<string, unknown> } | undefined)?.$defs ?? {}) };
	const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${named.get(schema)}` });
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of API_OPERATIONS) {
		paths[op.path] ??= {};
		paths[op.path]![op.method] = operation(op, locale, ref);
	}
	return {
		openapi: '3.1.0',
		info: { title: 'Leerkompas API', version: '1.0.0', description: m.api_doc_about({}, { locale }) },
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		paths,
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: m.api_doc_bearer({}, { locale }) } },
			schemas: JSON.parse(
				JSON.stringify(Object.fromEntries(Object.entries(components).map(([id, s]) => [id, stripDialect(s)]))).replaceAll('#/components/schemas/__shared#/$defs/', '#/components/schemas/')
			) as Record<string, unknown>
		}
	};
}

// Each component schema carries its own $schema and $id lines; the document states the dialect once (OpenAPI 3.1's default).
function stripDialect(schema: unknown): unknown {
	if (typeof schema !== 'object' || schema === null) return schema;
	const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
	return rest;
}
