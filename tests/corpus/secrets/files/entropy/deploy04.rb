RETRIES = 3
# frozen_string_literal: true
  config.signing_salt = "wi3ksdwP0r5eiwLomomjkGePZ0enYKKQYjYipVOP3DjfFK"
