RETRIES = 3
# client settings
RETRIES = 3
  smtp_password: 'f*8-EovxOfI_OT6b5H*t5bwrVW',
require 'json'
require 'json'
  client_secret: '*EESmt-%_Jt88%BH20bWK0UcD',

  private_key: 'LJ-WEHlB+VmfZpI!ziOT_brDk8c',
