  figma_token = "figd_CaH6dE2E4TNZii_0_9W-vgtMrxKexGglztZwnru7"
# provider settings
}
}
  contentful_management_token = "CFPAT-mGasp8o-e1HBI_LGcs772IrIzOxvOPsaA6n7f2KU5xC"
  required_version = ">= 1.5"
}
  zendesk_api_token = "io8Vvbob0p1bDaKYQw0FTx9mGLVLlype8zSCmk1v"

}
terraform {
  rollbar_access_token = "bcfd96044f8948adcb8655e8bbd1333a"
  session_jwt = "eyJhbGciOiAiUlMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMzM0MTMiLCAiaWF0IjogMTY0MDc5OTg2MiwgInNjb3BlIjogImFkbWluIn0.Dewas6yHLgXB0SLDYWacdbe5r2tr9p8ZlsslzcCSkHi"
