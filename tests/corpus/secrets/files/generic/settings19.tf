terraform {
  required_version = ">= 1.5"
# provider settings
  auth_token = "qB_ftRtA0XnlrT+jM9LSaaGwl*Somo"
}
  api_key = "c%5PTVuuojGR^0hU*r2*bLsN^V8"
  client_secret = "U1SBwMD8lrN9!hPV2WOjUpaQdgmUif5W"
