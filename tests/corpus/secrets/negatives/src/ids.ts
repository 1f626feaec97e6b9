export const tenantId = '588e96e8-15d9-45a9-b666-ec78553a801e';
export const workspaceId = '01098a2d-adff-4e8e-b6aa-18856eb0443d';
export const traceId = '9c9f6535-dbfa-4efd-9ed0-d2818b998e78';
export const channelId = 'cb7e2315-0cf1-4fc7-bac5-f920bfb4e43c';
export const deviceId = 'f161be34-59e9-479d-9b97-e5a4a3c8d350';
