import { z } from 'zod';

/** A guide's id as a request names it (the guide file's `id`); which guides exist is the server's to say. */
export const guideIdSchema = z.string().min(1).max(100);
