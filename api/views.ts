/**
 * Shapes of what calls return. Plain data: they cross IPC and HTTP as JSON. Each feature's views live
 * beside its calls, in api/views/<feature>.ts (api/calls/<feature>.ts); this file gathers them, so one
 * import names any view. New code may import the feature's file directly.
 */
export * from './views/page';
export * from './views/office';
export * from './views/users';
export * from './views/people';
export * from './views/register';
export * from './views/attachments';
export * from './views/hotspots';
export * from './views/campaigns';
export * from './views/movement';
export * from './views/periodic';
export * from './views/exchange';
export * from './views/audit';
export * from './views/backups';
export * from './views/legacy';
