API_KEY = "YOUR_API_KEY"
password = "changeme"
token = "<token>"
SECRET = "${SECRET}"
DB_URL = "postgres://user:password@localhost:5432/app"
AUTH = "Bearer <token>"
client_secret = "xxxxxxxxxxxxxxxxxxxxxxxx"
STRIPE_KEY = "sk_live_" + os.environ["STRIPE_SUFFIX"]
