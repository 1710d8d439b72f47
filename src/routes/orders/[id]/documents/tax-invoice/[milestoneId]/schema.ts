import { z } from 'zod';

// Recording takes no input: the data is computed on the server from the order.
export const recordSchema = z.object({});
