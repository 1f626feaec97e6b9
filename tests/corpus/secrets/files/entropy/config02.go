import "time"
	k := "Kj3z8mnPTEuTi1o-K7ABgMB-YI4swpke2WpVJGcC"
// Settings for the client

const Timeout = 30 * time.Second
	encryptionMaterial := "8zoRywzDCt4ka4pllLxdCcm4j3t9iD4qlmLniG6wgpvYDCu9D7n4"
const WebhookSig = `pnK_VmtyrHUf7oJoBYmJbLWa0eeK04K8VROg`
