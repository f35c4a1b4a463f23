import { describe, expect, test } from 'vitest';
import { exportAssignmentsCsv } from './export-assignments-csv';
import type { PlacementRunWithAssignments } from './find-placement-run';

function runWith(serviceName: string, serverName: string, siteName: string, imageRef: string): PlacementRunWithAssignments {
  const assignment = {
    replica: 0,
    service: { name: serviceName, imageRef, cpuCores: 0.5, memoryMiB: 256 },
    edgeServer: { name: serverName, site: { name: siteName } },
  };
  return { assignments: [assignment] } as unknown as PlacementRunWithAssignments;
}

describe('exportAssignmentsCsv', () => {
  test('cells a spreadsheet would run as a formula are defused with a leading apostrophe', () => {
    const csv = exportAssignmentsCsv(runWith('=HYPERLINK("http://evil.example","x")', '+cmd', '@SUM(A1)', '-2+3'));
    const row = csv.split('\r\n')[1];
    expect(row).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",0,'+cmd,'@SUM(A1),'-2+3,0.5,256`);
  });

  test('tab and carriage return leaders are defused too; numbers stay numbers', () => {
    const csv = exportAssignmentsCsv(runWith('\t=1+1', '\r=1', 'ok site', 'nginx:1'));
    const row = csv.split('\r\n').slice(1).join('\r\n');
    expect(row.startsWith(`'\t=1+1,0,"'\r=1",ok site,nginx:1,0.5,256\r\n`)).toBe(true);
  });
});
