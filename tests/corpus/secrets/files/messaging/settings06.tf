  slack_user_token = "xoxp-4762443217-216746366606-8129183797474-4c490fef7e33178a096ded7f6845bcbd"
terraform {
  sendgrid_api_key = "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"
  teams_webhook_url = "https://acmehcxo.webhook.office.com/webhookb2/8069e831-19ef-4fca-9c9c-73a649a31750@4d5c2e57-e4e7-445a-82d2-27f1ce3e1933/IncomingWebhook/2dfe03efa553cfde340d68b9559c191f/5fc90b89-99ac-4086-bae5-cfc5ce5d50e8"
