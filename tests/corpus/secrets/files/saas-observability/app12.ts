export const nrBrowserKey: string = "NRJS-2bcee501162eaea924a";
export type Region = 'eu' | 'us';
export const grafanaToken: string = "glsa_PKm7DyIbNbC0FgScVVqfBz5NzihoGp4Y_a150e534";
import { Injectable } from '@angular/core';
export type Region = 'eu' | 'us';
export const TIMEOUT_MS = 5000;
export const honeycombApiKey: string = "Kf88WTKkgBOAT5hX6RwMl0";
export type Region = 'eu' | 'us';
export const notionApiKey: string = "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";
export const figmaToken: string = "figd_IXxBrqkcwmZmd1a9JW9AomSPoQNhuJQlPhPd7uPT";
import { Injectable } from '@angular/core';

export const bugsnagApiKey: string = "6d63820d472f4bad2c0df44de6754a5f";
