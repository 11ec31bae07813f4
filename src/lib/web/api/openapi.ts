// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers use (schemas.ts) with
// zod's own z.toJSONSchema: a change to a schema changes the document, and a test checks every route in it.
import { z } from 'zod';
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

export interface ApiOperation {
	path: string;
	method: Method;
	summary: string;
	description: string;
	/** Needs a token with write access. */
	write: boolean;
	/** Path parameters and query parameters by name. */
	params: string[];
	query?: string[];
	body?: z.ZodType;
	status: 200 | 201;
	response: z.ZodType;
}

export const API_OPERATIONS: readonly ApiOperation[] = [
	{ path: '/firms', method: 'get', summary: 'Your firms', description: 'The firms the token names that the account can still see, each with its role.', write: false, params: [], status: 200, response: firmListSchema },
	{ path: '/firms/{slug}', method: 'get', summary: 'One firm', description: 'A firm the token names.', write: false, params: ['slug'], status: 200, response: firmSchema },
	{ path: '/firms/{slug}/rounds', method: 'get', summary: 'Scan rounds', description: 'Newest first. Owners, co-managers and advisers; counts only as published.', write: false, params: ['slug'], status: 200, response: roundListSchema },
	{ path: '/firms/{slug}/rounds', method: 'post', summary: 'Start a scan round', description: 'As the new-round page: an adviser starts a supervised round whose link only they receive.', write: true, params: ['slug'], body: createRoundBodySchema, status: 201, response: roundSchema },
	{ path: '/firms/{slug}/rounds/{roundId}', method: 'get', summary: 'A round\u2019s status', description: 'The invitation links only for whoever holds them.', write: false, params: ['slug', 'roundId'], status: 200, response: roundSchema },
	{ path: '/firms/{slug}/rounds/{roundId}/close', method: 'post', summary: 'Close a round', description: 'Final. Owners and co-managers only; 409 when it is closed already.', write: true, params: ['slug', 'roundId'], status: 200, response: roundSchema },
	{ path: '/firms/{slug}/rounds/{roundId}/report', method: 'get', summary: 'The published report', description: 'The same document as the report page\u2019s JSON export (docs/report-schema.json).', write: false, params: ['slug', 'roundId'], status: 200, response: reportApiSchema },
	{ path: '/firms/{slug}/actions', method: 'get', summary: 'The action plan', description: 'Grouped by status, open work first.', write: false, params: ['slug'], status: 200, response: actionPlanSchema },
	{ path: '/knowledge', method: 'get', summary: 'Search the knowledge base', description: 'Published entries only, best match first (at most 50).', write: false, params: [], query: ['q'], status: 200, response: knowledgeSearchSchema },
	{ path: '/knowledge/{slug}', method: 'get', summary: 'A knowledge-base entry', description: 'Its published version.', write: false, params: ['slug'], status: 200, response: knowledgeEntryApiSchema }
];

const ERRORS: Record<string, string> = {
	'400': 'The body is not JSON.',
	'401': 'No token, or a token that is unknown, revoked or expired. Cookies are not accepted.',
	'403': 'The token may only read.',
	'404': 'Not there, or out of the token\u2019s or the account\u2019s reach (the two are not told apart).',
	'409': 'Not possible in the round\u2019s state.',
	'422': 'The body breaks a rule; `fields` says which.',
	'429': 'Too many calls with this token; try again after Retry-After seconds.'
};

/** Every schema once, in components, referred to by $ref; `io: 'input'` for request bodies. */
export function openApiDocument(origin: string): Record<string, unknown> {
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
		const errors = ['401', '404', '429', ...(op.write ? ['400', '403', '409', '422'] : [])].sort();
		paths[op.path] ??= {};
		paths[op.path]![op.method] = {
			summary: op.summary,
			description: op.description + (op.write ? ' Needs a token with write access.' : ''),
			operationId: `${op.method}${op.path.replace(/\{([^}]+)\}/g, 'By_$1').replace(/[^a-z_]+/gi, '_')}`,
			parameters: [
				...op.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
				...(op.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string', maxLength: 200 } }))
			],
			...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
			responses: {
				[String(op.status)]: { description: op.summary, content: { 'application/json': { schema: ref(op.response) } } },
				...Object.fromEntries(errors.map((code) => [code, { description: ERRORS[code], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]))
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Leerkompas API',
			version: '1.0.0',
			description:
				'Firms, scan rounds, published reports, the action plan and the knowledge base. Make a personal API token on your account page (API-sleutels) and send it as `Authorization: Bearer lk_…`. The API never gives more than the pages do.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		paths,
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (lk_…); cookies are not accepted.' } },
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
