import { z } from 'zod';

export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;
export const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = { insert: 'created', update: 'changed', delete: 'deleted' };

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD' });
      return z.NEVER;
    }
    return date;
  });

/** The Audit page's filters, from its query string. Dates are whole UTC days, `to` inclusive. */
export const auditFilterSchema = z.object({
  actor: optionalText,
  scenarioId: optionalText,
  entity: optionalText,
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
