export const tenantId = '09655bc9-50d7-4f8a-a05b-c34d1150828d';
export const workspaceId = '755199d0-1383-4541-ab69-72fe0058cda4';
export const traceId = '7a51e3ea-5bf7-4da2-b2d6-cac5c4b12610';
export const channelId = '5efb7613-1f48-48c3-a1d1-dad918612901';
export const deviceId = '3bc205d1-c5ed-414a-86ea-c30077243819';
