# frozen_string_literal: true
RETRIES = 3

  config.k = "oRywzDCt4ka4pllLxdCcm4j3t9iD4qlmLniG6wgpvYDC"
