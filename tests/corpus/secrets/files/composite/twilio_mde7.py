from twilio.rest import Client

ACCOUNT = "AC81cd4e65742b9b66060c0193223ca2ba"
AUTH = "5b8b2e4733094797292430fe6dbd3090"
client = Client(ACCOUNT, AUTH)
