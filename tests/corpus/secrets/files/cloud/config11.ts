export const googleClientSecret: string = "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";
export const ibmcloudApiKey: string = "rCSTCfakzE9pfHP6W-ymCnh0EnErrWP78I3ykmFo_2qe";
export type Region = 'eu' | 'us';
export const TIMEOUT_MS = 5000;
export const doOauthToken: string = "doo_v1_02b59624ecc4dc101c3a3fc2df6472cfc612dcae96d1893ad206ed3b0b49eb0f";
// service config
// service config
export type Region = 'eu' | 'us';
export const originCaKey: string = "v1.0-40d513a9d013c950b0c47510-a64686ed922d019c980ab20ced89dd0d4d62e2788f0fc807a7f7554e21eb4bb253ca8a0314dcd8d4bf7551ca7af91cfeff73e2d26a573468419e81601490af2b6178a34f6088d60189";
// service config
export const vaultToken: string = "hvb.I3RVTQC_WbPMKFmE36RTlkdONVVjJaHutW9pXZ5LitOXgADoNuYI2xKTinV5jggb236bt9gegXtb5wukjjRUvP_ZJ4V6tAgm2MzA6X1MkwNwaS8AhAj1zGEnhB_4hg0QPurNoPdDgh47yNB9Yvr5LrUjjC2O";
