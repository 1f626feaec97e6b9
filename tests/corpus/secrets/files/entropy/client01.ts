import { Injectable } from '@angular/core';
export const cred: string = "xqoubmIHpcbstDq7qn/S8HoEFtNFeTtFFTIdftKuLEp8/W5IK50XXGQrQD";
// service config
export const signingSalt: string = "gMB+YI4swpke2WpVJGcCHei4x2U/JKPRCUz/YION";
