import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_SERVICE_PORT } from '@/lib/control/control-input-schema';
import type { PlannedService } from '../import-plan';
import type { CatalogImage } from './image-catalog';
import { mergeByName, type Merged } from './merge-by-name';

/** Merges the planned services by name, each with the image found for it (`images[i]` is `services[i]`'s). */
export function writeServices(tx: Prisma.TransactionClient, scenarioId: string, services: readonly PlannedService[], images: readonly CatalogImage[]): Promise<Merged> {
  return mergeByName({
    planned: services.map((service, i) => ({ ...service, image: images[i] })),
    find: (names) => tx.service.findMany({ where: { scenarioId, name: { in: names } } }),
    data: (s, old) => ({
      imageRef: s.imageRef,
      imageId: s.image.id,
      replicas: s.replicas,
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      arch: s.arch,
      accelerator: s.accelerator,
      // A manifest that states no port keeps the port the service has (or the default).
      port: s.port ?? old?.port ?? DEFAULT_SERVICE_PORT,
    }),
    update: (old, data) => tx.service.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }),
    create: (rows) => tx.service.createMany({ data: rows.map((row) => ({ ...row, scenarioId })) }),
  });
}
