import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotFoundError } from '../../domain/errors.ts';
import { withApp } from '../../app/open.ts';
import { setUpPlant } from '../../app/plant-setup.ts';
import { actorFor } from '../../app/users.ts';
import { userRepository } from '../../store/repositories/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp init FILE`: loads the plant from a scenario file (a new version when it changed). */
export const registerInit: RegisterCommand = (program, context) => {
  program
    .command('init')
    .description('Set up the plant from a scenario file (creates the first admin on empty records)')
    .argument('<scenario>', 'scenario file, e.g. scenarios/seed-plant.yaml')
    .option('--admin <name>', 'name of the first admin on empty records', 'admin')
    .option('--as <name>', 'acting admin on records that already have users (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { admin: string; as?: string; json?: boolean }) => {
      const path = resolve(context.cwd, file);
      const source = await readFile(path, 'utf8').catch(() => {
        throw new NotFoundError('file.not_found', `no scenario file at ${file}`, { file });
      });
      await withApp(context.env, context.cwd, async (app) => {
        const name = actorName(options, context.env);
        const hasUsers = (await userRepository(app.store).count()) > 0;
        const actor = hasUsers ? await actorFor(app, name) : undefined;
        const result = await setUpPlant(app, actor, { source, adminName: options.admin });
        if (options.json === true) {
          context.out.json(result);
          return;
        }
        if (result.adminCreated !== null) context.out.line(`created admin user ${result.adminCreated}`);
        context.out.line(
          result.changed
            ? `plant ${result.plantId}: configuration version ${result.version} (sha256 ${result.contentHash.slice(0, 12)})`
            : `plant ${result.plantId}: unchanged (configuration version ${result.version})`,
        );
        const c = result.counts;
        context.out.line(
          `${c.lines} lines, ${c.products} products, ${c.storage_locations} storage locations, ${c.consignees} consignees, ${c.components} components`,
        );
      });
    });
};
