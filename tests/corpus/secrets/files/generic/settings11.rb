  service_token: 'sPIflV2XlJeeHulWPYfemEE7bki9ys',
require 'json'
  private_key: 'VswwfBs*eSyeLSqS1HrUOxMRcEIkms%',
RETRIES = 3

RETRIES = 3
  secret_key: 'al8EQQV+DKeA02pZU*QChj-t!',
