export * from './needs';
export * from './directory-input';
export * from './directory';
export * from './wellbeing-scales';
export * from './prescription';
export * from './figures';
