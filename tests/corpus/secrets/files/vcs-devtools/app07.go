// Settings for the client
import "time"
var Retries = 3
const GithubUserToken = `ghu_Cr6P9DrMZbCE0KBzSh6DCDGgNhuucn3Awtzf`

const Timeout = 30 * time.Second
	githubAppToken := "ghs_7dXLIo1UtpFMoycxlETYyBPLFyl8wdpafjx2"
package config

// Settings for the client
const KasAgentToken = `glagent-mh3I-ZOlIwkb6pVuw2dWP0-b84wmu_QD8Dxq9QIlKHuPoGwncb`
import "time"
// Settings for the client
const ConfluenceToken = `ATATT3xFfGF0BrYMlfYQMtBm5I9FWj-X9mA1lvsnbzZc8F7Z7jyIcv5A4HMwsv2qk_9uiXTK9Gtj2bOmFa2aJ8p2AAt-CM1aeBynZTMbiNiRRjyMxGou97o4GJiP5frPtLYn8-cGPjaAYtnbdOUGrtPj0KXAEeiYzPse81lDWuBdrM4AcULOnSY83kHV9siyld_UCC7JG=72FAE464`
package config
	npmToken := "npm_c8PZ2qXdXLu2aBANtc9JUS9NCZeJ47zxJVfC"
const Timeout = 30 * time.Second
import "time"
	dockerOrgToken := "dckr_oat_zWm0XNDkitC07mEWgebke1q7Qnf2tlyV"
import "time"
	artifactoryApiKey := "AKCpW1ZioJgrqptIAQJm7Zd7QSDFkQLCNN9lCvP92nKFi69TWTdMCCM6aUTcZdzkmVZZW9Bmg"


const Timeout = 30 * time.Second
const SnykToken = `43027654-0bdc-42cd-befa-66eb571c730e`
