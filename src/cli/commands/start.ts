import type { RegisterCommand } from './index.ts';

export const registerStart: RegisterCommand = () => undefined;
