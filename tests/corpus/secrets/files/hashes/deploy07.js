const hashedPassword = '$2y$11$BCF1DCldzCXw9ErVkuJnGcpQNjtUdn08r4NERB/FeigWgzKSPuxdU';
const passwordHash = '$6$xusgels95rgtgR92$nOwABZfcXA9McF9dhkd1F4Pn9KMz3/4W9qDajxPrLEDR9vD9bxxZsLzNEywIE.095L0.ukQRVjgFuhC5itNz2G';
process.env.PASSWORD_HASH = "$1$06VVMdX6$K9SrNDQIVtPEY9rl6l47ee";
process.env.PASSWORD_HASH = "$y$j9T$nW3yfc1clkHueWfVeWapMC$zd1.1eqAqIOIfTCfpvFuhtam1pu68mQY5/hZTrgMTwZ";
process.env.PASSWORD_HASH = "$apr1$.9i7esxd$P4Ta6m5sujYneNJMAAPZ2L";
const adminHash = '$5$2q12vY5IuCGmUCx4$hwhl2j.Efoi6UnTxig2SsORZnm109i.RsskQm78Sk3e';
