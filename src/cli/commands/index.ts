import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** A command group registers itself on the program. One file per group, listed here. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

export const commands: readonly RegisterCommand[] = [];
