import { z } from 'zod';
import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';

export const servicePortSchema = z.object({
  serviceId: z.string().uuid('Choose a service.'),
  port: z.coerce
    .number({ error: 'Enter the TCP port as a number.' })
    .refine(Number.isInteger, 'A TCP port is a whole number.')
    .refine((v) => v >= 1 && v <= 65535, 'A TCP port is between 1 and 65535.'),
});

/** Sets the TCP port a service listens on (what its flow rules match and the mesh routes to). */
export async function setServicePort(db: Db, request: z.input<typeof servicePortSchema>): Promise<{ scenarioId: string }> {
  const { serviceId, port } = servicePortSchema.parse(request);
  const scenarioId = await db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { scenarioId: true } });
    if (!service) throw new DomainError('NOT_FOUND', 'This service no longer exists; someone may have deleted it.');
    await tx.scenario.update({ where: { id: service.scenarioId }, data: { version: { increment: 1 } } });
    await tx.service.update({ where: { id: serviceId }, data: { port, version: { increment: 1 } } });
    return service.scenarioId;
  });
  await recomputeAfterChange(db, scenarioId);
  return { scenarioId };
}
