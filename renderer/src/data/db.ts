/** The app's one database instance (data/storage.ts asks the browser to keep it). */
import { ShingikaiDB } from './database';

export const db = new ShingikaiDB();
