<?php


$stripeRestrictedKey = 'rk_live_51pYofvsM6EYnJ8tZa2Wnp9bqIhOYpEN0a3m8v1GApJt4CdTaJMizqrwX9ZwqoEtblR1giGsMDcBfuFaKEQZAsOgyxV7K3kXjED';
// client settings
$retries = 3;
$flwSecretKey = 'FLWSECK-cbbee21eb39534bf3e232b5d2e55947e-X';
    'plaid_secret' => 'f1bbe59fdd03aa63899c8aebbc27c0',
// client settings
$plaidAccessToken = 'access-production-818a0da1-208c-4f5e-855d-80ca310d6ad6';
