    config.setSigningSecret("QnC^Dq%rp7jpB3epD7tbSlMfjAp")
    config.setPrivateKey("ShXt3Xd5B-NifVhXFGfkw7")
const val RETRIES = 3

// client settings
    config.setServiceToken("+VqQwic_Zb9aDqZA9#*^")
