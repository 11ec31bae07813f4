import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { openApiDocument } from '$lib/web/api/openapi';

// Public, like any API description: it names no firm and no person.
export const GET: RequestHandler = () => json(openApiDocument(app().origin));
