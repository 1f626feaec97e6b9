import os
TOKEN = os.environ["TOKEN"]
password = os.getenv("DB_PASSWORD")
API_KEY = os.environ.get("API_KEY", "")
secret = settings.SECRET_KEY
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
