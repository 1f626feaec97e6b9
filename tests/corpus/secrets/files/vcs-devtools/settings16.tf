  runner_token = "glrt-t3_bOzurjlIS-8BlbzMpRZi"
  required_version = ">= 1.5"
  incoming_email_token = "glimt-1r5u5ia5psb10bgdyln7ksgxk"
}
  required_version = ">= 1.5"

  registration_token = "GR1348941RMNc-BnoPXPQVlFvKz_6"

  bitbucket_token = "ATCTT3xFfGN0Ht9v51O9eEL9RuIelW-tVWSvn3p-k4eYiiLstfrNyxIbJZfCHUG2eMNzfI5s_vpyxwIkBtNegf52KaY5CP4CqX_oAauLqypYilwJRWfqIZcHo08qDyyPU7LNIfH_sE_U9AZePAso523_4eWlSvFnOPm1nXsO7-THt5XnwVL979PFW3MSh5qGjO=3B5C36F5"
terraform {
}
  docker_org_token = "dckr_oat_FKrJSR4k69UQcS3xeVYxSy_vF71HAy30"
  postman_api_key = "PMAK-010bb4425aace887f7202b9f-1cb7fc26909ccb74d7d92417128e17e815"
terraform {

# provider settings
  snyk_token = "609187ad-77e8-435e-a900-c626702b6b4b"
