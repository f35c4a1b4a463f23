// What bin/edgestack.js loads: the command line, and the hook that tells it where the
// application lives (it may run compiled into one file, away from its sources).
export { main } from './main';
export { setAppRoot } from '../ops/app-root';
