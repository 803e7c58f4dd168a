export * from './shape';
export * from './input';
export * from './service';
export * from './worklist';
export * from './history';
