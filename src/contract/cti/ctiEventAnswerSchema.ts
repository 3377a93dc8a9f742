import { z } from 'zod';

/**
 * Answer to a CTI event: `{}` as Zammad answers when no caller blocking or caller-id rewriting is
 * configured (ieum has neither), so PBX bridges that read the answer keep working.
 */
export const ctiEventAnswerSchema = z.object({}).meta({ id: 'CtiEventAnswer' });
