import { everyone } from '../../../app/auth/roles.ts';
import { addUser, pageUsers } from '../../../app/users.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { AddUserBody, User, UserPage, UserQuery } from './schema.ts';

/** The plant's people and their roles. */
export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/users',
    operationId: 'listUsers',
    summary: 'Users and their roles (a consignee sees only itself)',
    tags: ['users'],
    access: { roles: everyone },
    writes: false,
    cacheable: true,
    schema: { querystring: UserQuery, response: UserPage },
    handle: async ({ services, user, query }) =>
      pageOf(await pageUsers(await services.app(), user, keysetOf(query))),
  }),
  defineRoute({
    method: 'POST',
    url: '/users',
    operationId: 'addUser',
    summary: 'Add a user',
    tags: ['users'],
    access: { roles: ['admin'] },
    writes: true,
    status: 201,
    schema: { body: AddUserBody, response: User },
    handle: async ({ services, user, body }) => addUser(await services.app(), user, body),
  }),
];
