import { withApp } from '../../app/open.ts';
import { buildPallet, packagingOf, packLot } from '../../app/packing/pack.ts';
import { listCrates } from '../../app/packing/stock.ts';
import { plantScenario } from '../../app/plant-setup.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

const count = (v: string): number => Number(v);

/** `headstamp pack lot|pallet`: released lots into boxes and crates, crates onto pallets. */
export const registerPack: RegisterCommand = (program, context) => {
  const pack = program
    .command('pack')
    .description('Pack released lots: boxes, crates (SSCC), pallets (SSCC)');

  pack
    .command('lot')
    .description(
      'Box the loose rounds of a released lot and crate its full boxes (only full boxes and crates)',
    )
    .argument('<lot>', 'lot number')
    .option('--location <id>', 'where (default: where most of its loose stock is)')
    .option('--boxes <n>', 'boxes to fill (default: all full boxes; 0: none)', count)
    .option('--crates <n>', 'crates to fill (default: all full crates; 0: none)', count)
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        lotNumber: string,
        options: { location?: string; boxes?: number; crates?: number; as?: string; json?: boolean },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const packed = await packLot(app, actor, {
            lotNumber,
            ...(options.location === undefined ? {} : { location: options.location }),
            ...(options.boxes === undefined ? {} : { boxes: options.boxes }),
            ...(options.crates === undefined ? {} : { crates: options.crates }),
          });
          if (options.json === true) {
            context.out.json(packed);
            return;
          }
          context.out.line(
            `lot ${packed.lotNumber} at ${packed.location}: ${packed.boxesFilled} boxes filled, ${packed.crates.length} crates packed; loose: ${packed.looseRounds} rounds, ${packed.looseBoxes} boxes`,
          );
          for (const crate of packed.crates)
            context.out.line(`  crate ${crate.sscc}  ${crate.rounds} rounds`);
        });
      },
    );

  pack
    .command('pallet')
    .description('Put crates onto a new pallet: one product, lots may be mixed')
    .argument('[sscc...]', 'SSCCs of the crates')
    .option('--lot <lot>', "instead of SSCCs: a full pallet of the lot's crates not on a pallet yet")
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (given: string[], options: { lot?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        let crates = given;
        if (crates.length === 0 && options.lot !== undefined) {
          // Crates of the lot not on a pallet, at the location of the first; none gives a refusal below.
          const free = (await listCrates(app, actor, { lotNumber: options.lot })).filter(
            (c) => c.palletId === null,
          );
          const location = free[0]?.locationId;
          const product = free[0]?.productId;
          const limit =
            product === undefined ? 0 : packagingOf(await plantScenario(app.store), product).cratesPerPallet;
          crates = free
            .filter((c) => c.locationId === location)
            .slice(0, limit)
            .map((c) => c.sscc);
        }
        const pallet = await buildPallet(app, actor, { crates });
        if (options.json === true) context.out.json(pallet);
        else
          context.out.line(
            `pallet ${pallet.sscc} at ${pallet.locationId}: ${pallet.crates.length} crates of ${pallet.productId}`,
          );
      });
    });
};
