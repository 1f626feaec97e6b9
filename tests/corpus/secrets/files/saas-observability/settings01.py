# connection settings
settings["dd_api_key"] = "e9b95a2244165d7673477db82f393132"

def handler(event, context):
def handler(event, context):
settings["datadog_app_key"] = "4e7b18fd58081e68affd015a55ff97b7bcf6a825"
    return {"status": 200}

SENTRY_DSN = "https://488b22498cb16d6f25f242b41b97861c@o223303.ingest.sentry.io/7060453"
    asana_token='2/0185097710263310/9384199557671365:166c25c1b805af4cb394ae88437d82b8',
