import type { Command } from 'commander';
import { loadScenarioFile } from '../../app/scenario/index.ts';
import type { Scenario } from '../../domain/scenario/index.ts';
import type { RegisterCommand } from './index.ts';

/** What `scenario validate` reports for a valid file. */
export interface ScenarioSummary {
  readonly id: string;
  readonly plant: string;
  readonly file: string;
  readonly phases: number;
  readonly lines: number;
  readonly assemblyLines: number;
  readonly products: number;
  readonly components: number;
  readonly ratedOutputPerYear: number;
}

/** The counts a one-line summary shows. */
export function summarise(scenario: Scenario, file: string): ScenarioSummary {
  return {
    id: scenario.plant.id,
    plant: scenario.plant.name,
    file,
    phases: scenario.phases.length,
    lines: scenario.lines.length,
    assemblyLines: scenario.lines.filter((l) => l.kind === 'assembly').length,
    products: scenario.products.length,
    components: scenario.components.length,
    ratedOutputPerYear: scenario.plant.ratedOutputPerYear,
  };
}

/**
 * `headstamp scenario validate FILE [--json]`: checks a scenario file; exit 0 and a one-line
 * summary when valid, exit 2 and every fault (file:line: path: problem) on stderr when not.
 *
 * @example
 * headstamp scenario validate scenarios/seed-plant.yaml
 * // scenarios/seed-plant.yaml: valid: plant seed-plant, 1 phase, 4 lines (4 assembly), 3 products, 5 components
 */
export const registerScenario: RegisterCommand = (program: Command, context) => {
  const scenario = program.command('scenario').description('The plant scenario file (YAML)');
  scenario
    .command('validate')
    .description('Check a scenario file against the schema and its cross-references')
    .argument('<file>', 'scenario YAML file')
    .option('--json', 'print the summary as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const summary = summarise(loadScenarioFile(file, { cwd: context.cwd }), file);
      if (options.json === true) return context.out.json(summary);
      const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      context.out.line(
        `${file}: valid: plant ${summary.id}, ${plural(summary.phases, 'phase')}, ` +
          `${plural(summary.lines, 'line')} (${summary.assemblyLines} assembly), ` +
          `${plural(summary.products, 'product')}, ${plural(summary.components, 'component')}, ` +
          `rated ${summary.ratedOutputPerYear.toLocaleString('en-US')} rounds/year`,
      );
    });
};
