const Timeout = 30 * time.Second
const SquareAccessToken = `EAAAnkGWRTKXnOzQCf1-44UfRKLtVWvM0p5nIWnOScLr8lONtx5QGdzeW07lIDWu`
var Retries = 3
// Settings for the client
var Retries = 3
	braintreeAccessToken := "access_token$production$leiax09enpzlai2i$5238de8cd086d673955fb69d51cb2d57"
package config
import "time"

	adyenApiKey := "AQEQUMehmfxLw75xcBqkg8isv6xFdQA2IlWhujrxsTXptOo9f9euo4GiU2wqmggJuWE8MD9m0d8qYx5VShs4SjUnN1Cm4qD+lvp4JNUFDFvzBUqVUYs9=-iLAnY-4PRFdq68lsFZVW1wD5qft4uYIupXdFNOMM"

	shopifyAccessToken := "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"
