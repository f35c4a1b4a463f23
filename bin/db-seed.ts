// `npm run db:seed`: add the demo scenario (migrating first). With --if-empty, only into a
// database that has no scenario yet. A second demo gets a numbered name.
import { closeDatabase, getDatabase } from '../lib/db';
import { DEMO_SCENARIO_NAME } from '../lib/demo/demo-scenario';
import { seedDemoScenario } from '../lib/demo/seed-demo-scenario';

try {
  const { prisma } = await getDatabase();
  const onlyIfEmpty = process.argv.includes('--if-empty');
  let name = DEMO_SCENARIO_NAME;
  for (let n = 2; await prisma.scenario.findUnique({ where: { name } }); n += 1) name = `${DEMO_SCENARIO_NAME} ${n}`;
  const seeded = await seedDemoScenario(prisma, { onlyIfEmpty, name });
  process.stderr.write(seeded ? `[edgestack] seeded "${seeded.name}"\n` : '[edgestack] the database already has scenarios; nothing seeded\n');
} catch (error) {
  process.stderr.write(`[edgestack] seeding failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
