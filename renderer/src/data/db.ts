/** The app's one database instance, and asking the browser to keep it. */
import { ShingikaiDB } from './database';

export const db = new ShingikaiDB();

export { requestPersistentStorage, type PersistState } from './storage';
