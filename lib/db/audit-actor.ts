import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Who the audit trigger (migration 20261202300000_users_and_audit) records for a write: a
 * signed-in user, the command line ('cli'), or nobody, which the trigger records as 'system'
 * (the work queue). The actor travels with the async call chain and reaches the database as
 * the transaction-local settings `edgestack.actor` and `edgestack.actor_id`, set by the driver
 * adapter at the start of every transaction, so it is in the same transaction as the write.
 */
export type AuditActor = { id: string | null; name: string };

// One store per process, even when a bundler loads this module twice.
const holder = globalThis as unknown as { __edgestackAuditActor?: { storage: AsyncLocalStorage<AuditActor>; processActor?: AuditActor } };
const state = (holder.__edgestackAuditActor ??= { storage: new AsyncLocalStorage<AuditActor>() });

/** Runs `fn` with `actor` recorded for every write it makes, however deep. Awaited inside,
 * because Prisma's queries start when awaited, not when built. */
export function runAsActor<T>(actor: AuditActor, fn: () => T | PromiseLike<T>): Promise<T> {
  return state.storage.run(actor, async () => await fn());
}

/** The actor of everything this process writes outside `runAsActor`: the command line is 'cli'. */
export function setProcessActor(actor: AuditActor | undefined): void {
  state.processActor = actor;
}

function currentActor(): AuditActor | undefined {
  return state.storage.getStore() ?? state.processActor;
}

const SET_ACTOR_SQL = `SELECT set_config('edgestack.actor', $1, true), set_config('edgestack.actor_id', $2, true)`;

function setActorQuery(actor: AuditActor): SqlQuery {
  return {
    sql: SET_ACTOR_SQL,
    args: [actor.name, actor.id ?? ''],
    argTypes: [
      { scalarType: 'string', arity: 'scalar' },
      { scalarType: 'string', arity: 'scalar' },
    ],
  };
}

// A statement that may write outside a transaction; reads never need the actor.
const WRITE = /^\s*(insert|update|delete|with|merge)\b/i;

/** Ends a transaction the way Prisma would: adapters with a phantom COMMIT finish in `commit()`. */
async function finish(tx: Transaction, ok: boolean): Promise<void> {
  if (!tx.options.usePhantomQuery) await tx.executeRaw({ sql: ok ? 'COMMIT' : 'ROLLBACK', args: [], argTypes: [] });
  await (ok ? tx.commit() : tx.rollback());
}

function wrapAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  async function alone<R>(query: SqlQuery, run: (target: Transaction) => Promise<R>, direct: () => Promise<R>): Promise<R> {
    const actor = currentActor();
    if (!actor || !WRITE.test(query.sql)) return direct();
    // A single write outside a transaction: give it one, so the trigger sees the actor.
    const tx = await adapter.startTransaction();
    try {
      await tx.executeRaw(setActorQuery(actor));
      const result = await run(tx);
      await finish(tx, true);
      return result;
    } catch (error) {
      await finish(tx, false).catch(() => undefined);
      throw error;
    }
  }
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
          const tx = await target.startTransaction(...args);
          const actor = currentActor();
          if (actor) {
            try {
              await tx.executeRaw(setActorQuery(actor));
            } catch (error) {
              await finish(tx, false).catch(() => undefined);
              throw error;
            }
          }
          return tx;
        };
      }
      if (property === 'queryRaw') {
        return (query: SqlQuery): Promise<SqlResultSet> =>
          alone(
            query,
            (tx) => tx.queryRaw(query),
            () => target.queryRaw(query),
          );
      }
      if (property === 'executeRaw') {
        return (query: SqlQuery): Promise<number> =>
          alone(
            query,
            (tx) => tx.executeRaw(query),
            () => target.executeRaw(query),
          );
      }
      return forward(target, property, receiver);
    },
  });
}

/** A property of the wrapped object as it is, its methods still bound to it. */
function forward(target: object, property: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, property, receiver);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** The driver adapter factory with the actor set in every transaction it starts. */
export function withAuditActor<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => wrapAdapter(await target.connect());
      return forward(target, property, receiver);
    },
  });
}
