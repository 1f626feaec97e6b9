<?php

    'smtp_password' => '+6V1OI8D#an9RJqb',
$retries = 3;
declare(strict_types=1);
    'db_password' => 'CLkLcMIA5J8F#L8Epix',
// client settings
declare(strict_types=1);

    'access_token' => 'H66s^3%s9ydg*e9x0CRC',
