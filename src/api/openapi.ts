import type { SwaggerOptions } from '@fastify/swagger';

/**
 * The OpenAPI 3.1 document's frame: title, security schemes and tags. The paths come from the route
 * table's own schemas, so the document cannot say anything the server does not do.
 *
 * @example
 * await fastify.register(swagger, openapiOptions);
 */
export const openapiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Headstamp API',
      version: '1.0.0',
      description:
        'Operations and accountability records of a small-calibre cartridge plant. Every route names the ' +
        'roles that may call it (`x-roles`) and whether it changes the records (`x-writes`). Errors are ' +
        '`{code, message, details}`; lists are paged with an opaque `cursor`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from `headstamp token create --user NAME`.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'headstamp_session',
          description: 'The browser session set by POST /api/v1/auth/login.',
        },
      },
    },
  },
  refResolver: {
    // Shared schemas (`Error`) appear under components.schemas by their own name.
    buildLocalReference: (json, _baseUri, _fragment, i) =>
      typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`,
  },
};
