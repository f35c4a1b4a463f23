/** The cookie holding the scenario a browser is looking at; each browser has its own. */
export const SCENARIO_COOKIE = 'edgestack-scenario';
