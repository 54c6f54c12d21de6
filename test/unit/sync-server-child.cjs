/**
 * A CouchDB-compatible server for the sync tests and bench: express-pouchdb over LevelDB in a
 * folder, on 127.0.0.1. Run as a child process so a test can kill it (SIGKILL) like a server
 * crash and start it again on the same port and folder.
 *   node test/unit/sync-server-child.cjs <dir> <port|0> <full|minimum>
 * Prints "listening <port>" once it accepts connections.
 */
'use strict';
const path = require('node:path');
const express = require('express');
const PouchDB = require('pouchdb-node');
const expressPouch = require('express-pouchdb');

const [dir, portArg, mode] = process.argv.slice(2);
const Prefixed = PouchDB.defaults({ prefix: dir + path.sep });
const app = express();
// express-pouchdb 4.2 crashes the process on a database create without rights (db.info is not a
// function): refuse it before it gets there, as CouchDB would.
app.put(/^\/[a-z][a-z0-9_$()+-]*\/?$/, (req, res, next) => {
  if (mode !== 'full' || req.headers.authorization) return next();
  res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
});
app.use(
  expressPouch(Prefixed, {
    mode: mode === 'full' ? 'fullCouchDB' : 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(dir, 'express-pouchdb.log'),
  }),
);
const server = app.listen(Number(portArg) || 0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
