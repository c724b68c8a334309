export * from './datasets';
export * from './linearBaseline';
export * from './types';
