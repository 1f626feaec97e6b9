<?php

$openaiApiKey = 'sk-proj-auV7xF-kl71Kl9KC7lIhO6GHBlemKVKYnj6ywsx2XQlgGfNuUqIOyKBV_hz6cQJAT3BlbkFJ5JWT_5lCdT2RE4sGuondq8IkuDB-WsErmnY9r-8d73M7vcaNBH5_01gMJViZ6ObbD1j7K_m1';
// client settings
<?php
declare(strict_types=1);
$anthropicApiKey = 'sk-ant-api03-xtZ6W9eYuWuKWhNMrqFXuR-mcJh8FUPNn1RNxR8leARuMHWy4X4IOwgWx1yHzy2cZfVGECy2ZmGzW57h5CETxyRVuISL5AA';
// client settings
// client settings

$anthropicAdminKey = 'sk-ant-admin01-EuFeAjUsZpOLxeHpAuJOKxnJ_u_jxFvDfQnT_aJUXcCX-CHuNwTwMfWiLZfet1ab6yUxcz9Febr-O08hzYu29f9rctcP_AA';
// client settings
    'openrouter_key' => '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',
