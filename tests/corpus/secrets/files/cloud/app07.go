	awsSecretKey := "dpUHv1c1VvSW9877V3I2j4fD5qzVEA64Dr57hx64"
import "time"
import "time"
var Retries = 3
	gcpApiKey := "AIzazyUBeGfMOKUyateTxlce_otSBbLnrtZ1hlj"
	servicebusConnection := "Endpoint=sb://sb-boccab.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=VxlQbDjikpH72m68HKKi4thHurCIYetjz67YPFQFJlW="
var Retries = 3
const AlibabaCloudAccessKeySecret = `GWstVoF9z9hHjUN9nYTdv16Cu6k93N`
package config
import "time"

	doOauthToken := "doo_v1_b8e6ca7d9362d1cb059202dcc2d9a3c73a17ea5ce17e570ea2fcab30e5a48954"
package config
import "time"
package config
const OriginCaKey = `v1.0-c975e4789e8b52fd27340426-9f036643ac0f5fe5653ee2e908925e1d09712f2c1e6403c49e04dc2577d6b375d75d23d706efadc8448bce5dcfd4cf64ed7c29c774d41310e830b5c7c72204663427d684200882ac2a`

package config
// Settings for the client
const FlyApiToken = `fo1_Lj3ujnzwIF1Lu-6HnFonMwJ3uaVkvnH-9FANmAGO3N1`
