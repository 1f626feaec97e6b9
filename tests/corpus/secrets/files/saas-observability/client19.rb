  config.honeycomb_api_key = "bTxGOX2gXuOX0GoRAW3C8w"
# client settings
NOTION_TOKEN = 'secret_siZ0D8NMhlH4kT2DDxrxfvgSH6nrg9riCdaaM3JISBZ'
RETRIES = 3
  config.algolia_admin_key = "33a648051a490006590becf7c32b9447"
# client settings
RETRIES = 3
require 'json'
ZENDESK_API_TOKEN = '24o56gntWgjNjxfdGR5SiuyIdC7xeu2gmToDEGSy'
