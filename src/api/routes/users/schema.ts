import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Instant, NullableString } from '../../schemas.ts';
import { RoleName } from '../auth/schema.ts';

export const User = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: RoleName,
    consigneeId: NullableString(),
    createdAt: Instant,
    actor: Type.String({ description: 'Who added the user (`user:NAME`)' }),
  },
  closed,
);

export const UserPage = Page(User);

export const UserQuery = Type.Object(PageQuery, closed);

export const AddUserBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64, description: 'Lower case; letters, digits, . _ -' }),
    role: RoleName,
    consigneeId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'For a consignee user' }),
    ),
  },
  closed,
);
