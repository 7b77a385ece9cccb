export { loadScenarioFile, parseScenarioText, type ScenarioFileProblem } from './load.ts';
