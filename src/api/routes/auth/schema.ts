import { Type } from 'typebox';
import { roles } from '../../../app/auth/roles.ts';

const closed = { additionalProperties: false } as const;

export const RoleName = Type.Enum([...roles], { description: 'The user’s role' });

export const UserName = Type.String({ minLength: 1, maxLength: 100, description: 'A user’s name' });

export const Me = Type.Object(
  {
    name: Type.String(),
    role: RoleName,
    consigneeId: Type.Union([Type.String(), Type.Null()], {
      description: 'For a consignee: whom they speak for',
    }),
  },
  closed,
);

export const LoginBody = Type.Object(
  { name: UserName, password: Type.String({ minLength: 1, maxLength: 1024 }) },
  closed,
);

export const LoginResult = Type.Object({ user: Me, expiresAt: Type.String({ format: 'date-time' }) }, closed);

export const LogoutResult = Type.Object({ signedOut: Type.Boolean() }, closed);

export const TokenInfo = Type.Object(
  {
    id: Type.String(),
    userName: Type.String(),
    label: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  closed,
);

export const CreatedToken = Type.Object(
  {
    id: Type.String(),
    userName: Type.String(),
    label: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Null(),
    token: Type.String({ description: 'The token, shown this once: only its SHA-256 is kept' }),
  },
  closed,
);

export const CreateTokenBody = Type.Object(
  { userName: UserName, label: Type.Optional(Type.String({ maxLength: 200 })) },
  closed,
);

export const TokenList = Type.Object({ items: Type.Array(TokenInfo) }, closed);

export const TokenParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
