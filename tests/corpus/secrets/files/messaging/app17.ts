export const twilioAuthToken: string = "414af80c578e6e0176141b45454d59e7";
// service config
export const mailchimpApiKey: string = "313464e276965fede627edd50f2b0267-us12";
