process.env.HASHED_PASSWORD = "$2b$12$kMFgrJXzNYcsESka7VZQTvgzNuqbFZdZSMZ8x48Kes2Jgo5cKzSl4";
  pwHash: "$6$mPrBAriV0LjIzTZh$oOV85.ljDOHv.44WrhAb6VzylgKfBzSbefZ0lvov2xcjbNd3KMBcu9Vefagfq4wNDWYUlmerU4TvpEjYGaFtUu",
  hashedPassword: "$1$k4XHFX5v$8ynagWa3ywaYToOlMS0DPj",
  adminHash: "$y$j9T$uZwur0tXElMjxS2JUOSN8D$PRiSiGaxMEmZwyJojA0ShGO5Zi0aPF/dYYZmIFUu64E",
const hashedPassword = '$apr1$fX9Qz7UE$xmw06g4j8r2jO5RliI97Xu';
process.env.ADMIN_HASH = "$5$8YcV1Qu628sqDeyQ$CEM6jRZZFlBdwPZmIzpGdWhZc0E15uKigyAu1uAfUlO";
