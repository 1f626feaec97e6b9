from twilio.rest import Client

ACCOUNT = "AC33750b71d9db615f530bbbe6fa3e1bdd"
AUTH = "0804143916f1cb390a834534723f7666"
client = Client(ACCOUNT, AUTH)
