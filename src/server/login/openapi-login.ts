/**
 * The login endpoint's part of the OpenAPI 3.1 document: a path item and
 * its schemas, meant to be merged into the signer's document (`paths` and
 * `components.schemas` side by side with the signature endpoint's).
 */

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/LoginProblem' } } },
});

/**
 * `paths` and `components.schemas` for `POST /upsdk/login`.
 *
 * @example
 * ```ts
 * const document = {
 *   ...signerDocument,
 *   paths: { ...signerDocument.paths, ...LOGIN_OPENAPI.paths },
 *   components: { ...signerDocument.components, schemas: { ...signerDocument.components.schemas, ...LOGIN_OPENAPI.components.schemas } },
 * };
 * ```
 */
export const LOGIN_OPENAPI = {
  paths: {
    '/upsdk/login': {
      post: {
        operationId: 'loginWithCode',
        summary: 'Exchange a user login code for the user',
        description:
          'Send the `code` from the authorize callback (`redirectUri?code=…`, decoded exactly once: a `+` stays a `+`) or from `appletAuth`. The server exchanges it at the open platform (`/open/access/1.0/token`, spec §4.3) with its cached backendToken, optionally reads the mobile number (`user.mobile`) and real name (`user.auth`) when the granted scope allows, decrypts them with the symmetricKey and answers the session payload. A code works once and for five minutes. The accessToken is never sent back.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/LoginRequest' } } },
        },
        responses: {
          '200': {
            description:
              'Who the user is (the default payload; an application may answer its own session instead).',
            headers: { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/LoginSession' } } },
          },
          '400': problemResponse(
            '`invalid_request` (bad body), `invalid_param` (a malformed code), `a31` (unknown, used or expired code: start the login again).',
          ),
          '405': problemResponse('Only POST.'),
          '413': problemResponse('The body is too large.'),
          '415': problemResponse('The body is not JSON.'),
          '500': problemResponse(
            'A server configuration error (`invalid_param`, e.g. a malformed symmetricKey).',
          ),
          '502': problemResponse(
            'The open platform refused or failed: its `resp` code (`a10` after one token refresh, `N62131` no permission, …), `upstream_*`, or `decrypt_failed` (wrong symmetricKey).',
          ),
        },
      },
    },
  },
  components: {
    schemas: {
      LoginRequest: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: {
          code: {
            type: 'string',
            minLength: 1,
            maxLength: 1024,
            description: 'The authorization code as received.',
          },
        },
      },
      LoginSession: {
        type: 'object',
        required: ['openId', 'scope'],
        properties: {
          openId: { type: 'string', description: "The user's id for this appId." },
          scope: {
            type: 'string',
            description:
              'The granted scope: upapi_base, upapi_mobile, upapi_auth, upapi_contract, upapi_login, upapi_user.',
          },
          mobile: {
            type: 'string',
            description: 'With scope upapi_mobile/upapi_auth/upapi_user, when configured.',
          },
          realName: { type: 'string', description: 'With scope upapi_auth/upapi_user, when configured.' },
          certType: {
            type: 'string',
            description: '01 ID card, 03 passport, 04 home-return permit, 05 Taiwan permit.',
          },
          certId: { type: 'string' },
        },
      },
      LoginProblem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', const: 'about:blank' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
          code: { type: 'string', description: 'Stable code to branch on.' },
        },
      },
    },
  },
} as const;
