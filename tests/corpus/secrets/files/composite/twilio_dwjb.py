from twilio.rest import Client

ACCOUNT = "AC06cd43feac06292f059e741d38209f7f"
AUTH = "90c2365f0620add4c3df84728a217de4"
client = Client(ACCOUNT, AUTH)
