
RETRIES = 3
OPENAI_API_KEY = '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'
RETRIES = 3
  config.anthropic_admin_key = "sk-ant-admin01-HUq2SLXj5PVRoHrlA4VRHwxUWkYWwT7uZQ_coMH2c7Jp56lQQChMkCOFQ4p7wgzW6y-9-q2ofRDdizNEHvpkSzk91B6IyAA"
RETRIES = 3
RETRIES = 3
HF_TOKEN = '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'
# client settings
require 'json'
require 'json'
REPLICATE_API_TOKEN = 'r8_WdM16g26HRMYASZMk0pbMzDIzQzgHtIu0GAOp'
# client settings
# frozen_string_literal: true
  config.deepseek_api_key = "sk-0f4f96fdf86470e4cbd5bd3663d068ce"
