// client settings
const val RETRIES = 3
val nrInsertKey = "NRII-F8EuwcWOGnoljHwGWQMpWVw_vQBV_rjN"
const val RETRIES = 3
package com.acme.config
// client settings
val grafanaToken = "glsa_rh17iMfHFt4JHTx0BrsFF1YSyUbLJ8Sg_bb720666"
val dtApiToken = "dt0c01.X7KAI5BV1CS52EMJQIRJ0R2U.E3Q7UFRRXAAWJUGPV4TP58MGNR0ZXMAPNT3ZTIRFYZPQ7A1E5Z2I9GY89A3UTW7W"

const val RETRIES = 3
val splunkHecToken = "a7fbef87-8f7b-4ab5-8746-bce87c4be9ef"
