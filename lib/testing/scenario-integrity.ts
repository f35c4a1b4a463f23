// Rows that point across scenarios: every reference in the schema is checked to stay inside one
// scenario (the foreign keys only check that the row exists). Test support only.
import type { SqlRunner } from '@/lib/db/open-database';

/** [label, SQL returning the offending rows' ids] */
const CHECKS: [string, string][] = [
  ['edge server in another scenario’s site', `SELECT c.id FROM "EdgeServer" c JOIN "Site" p ON p.id = c."siteId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['network node in another scenario’s site', `SELECT c.id FROM "NetworkNode" c JOIN "Site" p ON p.id = c."siteId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['registry in another scenario’s site', `SELECT c.id FROM "Registry" c JOIN "Site" p ON p.id = c."siteId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['registry attached to another scenario’s network node', `SELECT c.id FROM "Registry" c JOIN "NetworkNode" p ON p.id = c."networkNodeId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['registry attached to another scenario’s edge server', `SELECT c.id FROM "Registry" c JOIN "EdgeServer" p ON p.id = c."edgeServerId" WHERE p."scenarioId" <> c."scenarioId"`],
  ...(['aEdgeServerId', 'bEdgeServerId'] as const).map((col): [string, string] => [
    `link end ${col}`,
    `SELECT c.id FROM "Link" c JOIN "EdgeServer" p ON p.id = c."${col}" WHERE p."scenarioId" <> c."scenarioId"`,
  ]),
  ...(['aNodeId', 'bNodeId'] as const).map((col): [string, string] => [
    `link end ${col}`,
    `SELECT c.id FROM "Link" c JOIN "NetworkNode" p ON p.id = c."${col}" WHERE p."scenarioId" <> c."scenarioId"`,
  ]),
  ['VNF on another scenario’s edge server', `SELECT c.id FROM "Vnf" c JOIN "EdgeServer" p ON p.id = c."hostServerId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['VNF chained to another scenario’s VNF', `SELECT c.id FROM "Vnf" c JOIN "Vnf" p ON p.id = c."nextVnfId" WHERE p."scenarioId" <> c."scenarioId"`],
  ['image in another scenario’s registry', `SELECT c.id FROM "Image" c JOIN "Registry" p ON p.id = c."registryId" WHERE p."scenarioId" <> c."scenarioId"`],
  [
    'image layer across scenarios',
    `SELECT c."imageId" AS id FROM "ImageLayer" c JOIN "Image" i ON i.id = c."imageId" JOIN "Layer" l ON l.id = c."layerId" WHERE i."scenarioId" <> l."scenarioId"`,
  ],
  [
    'cached layer across scenarios',
    `SELECT c."edgeServerId" AS id FROM "EdgeServerCachedLayer" c JOIN "EdgeServer" s ON s.id = c."edgeServerId" JOIN "Layer" l ON l.id = c."layerId" WHERE s."scenarioId" <> l."scenarioId"`,
  ],
  ['service with another scenario’s image', `SELECT c.id FROM "Service" c JOIN "Image" p ON p.id = c."imageId" WHERE p."scenarioId" <> c."scenarioId"`],
  [
    'dependency across scenarios',
    `SELECT c."fromServiceId" AS id FROM "ServiceDependency" c JOIN "Service" f ON f.id = c."fromServiceId" JOIN "Service" t ON t.id = c."toServiceId" WHERE f."scenarioId" <> t."scenarioId"`,
  ],
  [
    'chain VNF from another scenario',
    `SELECT c."fromServiceId" AS id FROM "ServiceDependencyVnf" c JOIN "Service" f ON f.id = c."fromServiceId" JOIN "Vnf" v ON v.id = c."vnfId" WHERE f."scenarioId" <> v."scenarioId"`,
  ],
  ['controller on another scenario’s edge server', `SELECT c.id FROM "Controller" c JOIN "EdgeServer" p ON p.id = c."hostServerId" WHERE p."scenarioId" <> c."scenarioId"`],
  ...(
    [
      ['ControllerManagedEdgeServer', 'EdgeServer', 'edgeServerId'],
      ['ControllerManagedNetworkNode', 'NetworkNode', 'networkNodeId'],
      ['ControllerManagedService', 'Service', 'serviceId'],
      ['ControllerManagedVnf', 'Vnf', 'vnfId'],
    ] as const
  ).map(([t, p, col]): [string, string] => [
    `${t} across scenarios`,
    `SELECT c."controllerId" AS id FROM "${t}" c JOIN "Controller" k ON k.id = c."controllerId" JOIN "${p}" p ON p.id = c."${col}" WHERE k."scenarioId" <> p."scenarioId"`,
  ]),
  [
    'policy service across scenarios',
    `SELECT c."policyId" AS id FROM "PolicyService" c JOIN "Policy" k ON k.id = c."policyId" JOIN "Service" p ON p.id = c."serviceId" WHERE k."scenarioId" <> p."scenarioId"`,
  ],
  [
    'policy edge server across scenarios',
    `SELECT c."policyId" AS id FROM "PolicyEdgeServer" c JOIN "Policy" k ON k.id = c."policyId" JOIN "EdgeServer" p ON p.id = c."edgeServerId" WHERE k."scenarioId" <> p."scenarioId"`,
  ],
  [
    'assignment of another scenario’s service',
    `SELECT c."runId" AS id FROM "Assignment" c JOIN "PlacementRun" r ON r.id = c."runId" JOIN "Service" p ON p.id = c."serviceId" WHERE r."scenarioId" <> p."scenarioId"`,
  ],
  [
    'assignment to another scenario’s edge server',
    `SELECT c."runId" AS id FROM "Assignment" c JOIN "PlacementRun" r ON r.id = c."runId" JOIN "EdgeServer" p ON p.id = c."edgeServerId" WHERE r."scenarioId" <> p."scenarioId"`,
  ],
  ['applied run of another scenario', `SELECT s.id FROM "Scenario" s JOIN "PlacementRun" r ON r.id = s."appliedRunId" WHERE r."scenarioId" <> s.id`],
  [
    'control artifact of another scenario’s controller',
    `SELECT c.id FROM "ControlArtifact" c JOIN "Controller" p ON p.id = c."controllerId" WHERE p."scenarioId" <> c."scenarioId"`,
  ],
];

export async function findCrossScenarioRows(sql: Pick<SqlRunner, 'query'>): Promise<string[]> {
  const problems: string[] = [];
  for (const [label, query] of CHECKS) {
    const rows = await sql.query<{ id: string }>(query);
    for (const row of rows) problems.push(`${label}: ${row.id}`);
  }
  return problems;
}
