import { buildDemoScenarioDocument, DEMO_SCENARIO_NAME } from '@/lib/demo/demo-scenario';
import type { Sample } from './sample-types';

export const demoSample: Sample = {
  name: 'metro-edge',
  title: 'Metro edge (the demo)',
  summary:
    'The scenario a first start seeds: five metro sites and a regional cloud, x86 and ARM edge servers with GPUs and an FPGA, an SDN-managed fiber ring with 5G and Wi-Fi access, four controllers, and a retail and video-analytics application of 13 microservices.',
  defaultScenarioName: DEMO_SCENARIO_NAME,
  sources: [
    {
      file: 'lib/demo/demo-scenario.ts',
      origin: 'written for edgestack',
      licence: "the project's own",
      use: 'Everything. Layer digests are derived from layer names (not registry data); sizes follow the compressed sizes of comparable public images.',
    },
  ],
  buildSteps: 1,
  build(report) {
    report('Building the metro edge');
    return buildDemoScenarioDocument();
  },
};
