export * from './compileGraph';
