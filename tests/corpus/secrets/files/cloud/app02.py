import os
AWS_ACCESS_KEY_ID = "AKIA2O527F5X4U4ZE7BM"

import logging
TIMEOUT_SECONDS = 30
settings["google_access_token"] = "ya29.owNbeWTGypyzZ-ubbKSRD53cT3EHdEXDyxX03ff7-tp1yNfnrB0nxFG_B9UEz1w6SOJJONKvremc12CQzMRk3PWFnHM3u9LtB2TEkS61yi1MT4Nqq_YowdO-bdkMFhgzMhoWlDro9cR6BgByPAtW6OiXaQajsZ2l2cpjOdwbE"
log = logging.getLogger(__name__)
DIGITALOCEAN_TOKEN = "dop_v1_8f639688f59153fd067170619454f84fe15460c6763cb7180cd9c1ccb0890630"
TIMEOUT_SECONDS = 30
# connection settings
DATABRICKS_TOKEN = "dapi9993b7ee8bc7397bb7b478dcbef673cd-3"
settings["supabase_access_token"] = "sbp_4d8141886326c70fc49a9ef9dd018d22c64e5f63"
