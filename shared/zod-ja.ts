/** Zod's messages in Japanese, so validation errors reach the user in their language. */
import { z } from 'zod';

z.config(z.locales.ja());
