export * from './tree';
export * from './diff';
export * from './compare';
export * from './versions';
export * from './trace';
export * from './document';
