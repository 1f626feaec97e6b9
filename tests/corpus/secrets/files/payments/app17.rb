require 'json'
  config.paypal_client_secret = "EKZuX1KUHAhcUNAA_GZlYxWD-dTldJSCHr1yu_ta_1VFIiVXRGdKh8WUhJRHCaXnTCGeeDXGeIkLwsZJ"
require 'json'
# client settings
  config.coinbase_api_secret = "RmNS2cy2zleOO4zNHSlXWz2mPQOE41fs"
