/**
 * The contract's channel names and menu commands as plain strings, without zod or any
 * schema: the preload script imports only this file, so it bundles only the bridge.
 * Kept equal to `Object.keys(contract)` by test/unit/contract-channel-names.test.ts —
 * a feature that adds channels to the contract adds their names here too.
 */
export const CHANNEL_NAMES: readonly string[] = [
  'app:get:info',
  'settings:get:all',
  'settings:update',
  'file:open:saved',
  'file:show:saved',
  'backup:write',
  'backup:list',
  'actions:export:sheet',
  'actions:export:progress-xlsx',
  'actions:export:progress-docx',
  'roster:parse:xlsx',
  'roster:export:template',
  'attachment:write:chunk',
  'attachment:open:file',
  'attachment:remove:file',
  'attachment:sweep:orphans',
  'meeting:export:agenda',
  'attendance:export:xlsx',
  'plan:export:xlsx',
  'backup:read:summary',
  'backup:read',
  'backup:restore:attachments',
  'package:write',
  'package:upload:chunk',
  'package:read',
  'package:install:files',
  'package:discard',
  'drafts:export:docx',
  'drafts:export:comparison',
  'minutes:export:html',
  'opinions:export:html',
  'minutes:export:docx',
  'minutes:style:export',
  'minutes:style:parse',
  'opinions:export:document',
  'opinions:import:preview',
  'template:upload:docx',
  'template:list:files',
  'template:remove:file',
  'template:export:starter',
  'template:export:guide',
  'template:export:document',
  'window:open:projector',
  'team:test:connection',
  'team:get:config',
  'team:save:config',
];

export const MENU_COMMANDS = [
  'go-home',
  'go-councils',
  'load-sample',
  'backup-now',
  'show-shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
