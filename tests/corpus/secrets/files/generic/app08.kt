const val RETRIES = 3
package com.acme.config

    config.setDbPassword("Mx^zNV#%zwE!hv3H4lN5rpauw!")
    config.setServiceToken("I9C7cn!M1I_t4v3mw*+FvTZS!0B__")
    config.setPrivateKey("A1hfaNrC-%VOU62OqyVqNN+#hKqp-+")
