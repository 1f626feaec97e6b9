export type Region = 'eu' | 'us';
export const TIMEOUT_MS = 5000;
export const signingSalt: string = "0ACMO9zyrgYddiadalMtUrzqSmPMYWdp7N";
