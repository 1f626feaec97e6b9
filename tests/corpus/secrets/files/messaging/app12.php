<?php

declare(strict_types=1);
$retries = 3;
// client settings
    'slack_webhook_url' => 'https://hooks.slack.com/services/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',
