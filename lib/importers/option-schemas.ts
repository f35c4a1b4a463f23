import { z } from 'zod';
import { scalarText } from './scalar-text';

/** A yes/no option from a form ("on", "true", "1"), the command line ("false", "no") or JSON. */
export const flag = (fallback: boolean) =>
  z.preprocess((v) => {
    if (typeof v === 'boolean' || v === undefined) return v;
    const s = scalarText(v).trim().toLowerCase();
    if (['true', 'on', '1', 'yes'].includes(s)) return true;
    if (['false', 'off', '0', 'no', ''].includes(s)) return false;
    return v;
  }, z.boolean().default(fallback));
