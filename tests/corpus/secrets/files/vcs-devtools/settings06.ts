export const githubOauthToken: string = "gho_cd5slq9Yq7xqXU0lCix3BLrzD9ZcQTrF1MFt";
export const feedToken: string = "glft-8NGZ1xGg4DwPGLNVJl3L";
export const bitbucketAppPassword: string = "ATBBpRJv83v0srcaYCH5PD8Esamba9AoZstf";
export type Region = 'eu' | 'us';

export const jiraApiToken: string = "ATATT3xFfGF0eXmdmLaboTrm0fpQqVC19Pl41ilbiKS4aiMWtiru2Ia1bIYNNUppCM989Gv2FOMxYNQvd9RFI_5pxEM1vT3WGBdy9q3xYgRfcPqSnY9gNz-HTaVXgTkazC9_lqYUW5E3fVF_1Dx2BGvmLZr57Cjw8MyLOr_RVeswpATA3Dl1L6jBeY3N3z1iSmS=4D08C260";
// service config


export const dockerHubToken: string = "dckr_pat_2xGIVP8FRO12Tgn6lCLCm2Mew-q";
