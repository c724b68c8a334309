export * from './datasets';
export * from './types';
