export const stripeSecretKey: string = "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";
export const adyenApiKey: string = "AQEjk3XOhmfxLidu3x0KxWIsw5eSnXIw0ZGmR3M2G7zFEAadT1bp0Q4LhDaZXhLu8SjY83csuHBvLFliOqI71mQ9ILe0Cb+BcbYl0A6zQAdfMp2HsdM=-FrqyLjAarr5QLWsDNcUhFOsXtUZlzD8ECgnFv_Lq";
import { Injectable } from '@angular/core';
export const shopifyToken: string = "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";
