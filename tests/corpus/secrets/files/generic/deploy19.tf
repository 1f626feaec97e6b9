  service_token = "#ZV7Zk1k+PhJhO63MUmb+SIerHevWTnB"
  secret_key = "TS_MIUpM3!Dbgkhx"
  required_version = ">= 1.5"
  db_password = "t*^dyeyx4qQQf_%p"
