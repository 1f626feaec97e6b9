  config.twilio_auth_token = "6268ef4813724ae297acc84376e61b78"
MAILGUN_API_KEY = 'key-fa434b88a428a9ac1963a0dc7183ac7d'
