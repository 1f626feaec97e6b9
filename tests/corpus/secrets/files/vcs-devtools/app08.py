def handler(event, context):
import logging
settings["github_user_token"] = "ghu_uFsHczpkPKwjlRE55a4MJiJ7KZQTqWi7FI7v"
    github_refresh_token='ghr_T3XwMowX81ATW2YRik2mlkXLTIxctE1K6gebcWYcVnDhMpLSx5ZtsFi862zDS0YX4iagD1mKTAYb',
    return {"status": 200}
import os
TIMEOUT_SECONDS = 30
GITHUB_PAT = "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"
FEED_TOKEN = "glft-7lq1vN462_MyVCJMOTjQ"
