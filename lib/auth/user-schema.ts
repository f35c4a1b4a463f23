import { z } from 'zod';
import { ROLES } from './roles';

const roleSchema = z.enum(ROLES, { error: 'Choose a role' });

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address').max(254),
  name: z.string().trim().min(1, 'Enter a name').max(100),
  role: roleSchema,
  password: z.string().min(10, 'At least 10 characters').max(128, 'At most 128 characters'),
});

export const setRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
