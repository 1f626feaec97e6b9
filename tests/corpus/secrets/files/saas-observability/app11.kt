// client settings
const val RETRIES = 3
val nrInsertKey = "NRII-F8EuwcWOGnoljHwGWQMpWVw_vQBV_rjN"
const val RETRIES = 3
package com.acme.config
// client settings
val grafanaToken = "glsa_rh17iMfHFt4JHTx0BrsFF1YSyUbLJ8Sg_bb720666"

val timeoutMs = 5_000L
val dtApiToken = "dt0c01.L9VMBT4PYF4AY2LD8K8554G3.9AECM33WYIKSIR71CLCYK2PDPCUC7MURXD1C8OQ3O2KPS0TM4HP7EENS1KQVXXG1"

const val RETRIES = 3
val splunkHecToken = "a7fbef87-8f7b-4ab5-8746-bce87c4be9ef"
