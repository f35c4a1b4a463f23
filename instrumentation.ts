// Runs once when the Next.js server starts: the dashboard process works the queue of placement
// runs and experiments (runs keep going when the tab that started them closes). Set
// EDGESTACK_QUEUE=off to serve pages only, e.g. when dedicated solver processes share Postgres.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.EDGESTACK_QUEUE === 'off') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerQueue } = await import('./lib/placement-runs/start-server-queue');
  startServerQueue();
}
