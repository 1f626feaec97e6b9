<?php

    'dd_app_key' => '02b3dd2f2eba1cedb33c1fe7703578a8eb90e4c1',
// client settings
    'pagerduty_api_key' => 'u+WiMsCnozSU8QGxeeVL',
declare(strict_types=1);
declare(strict_types=1);
    'hubspot_access_token' => 'pat-eu1-d6623cfb-b668-4957-8d1c-cab805bbfa17',

    'figma_token' => 'figd_usDLVf3790KbHseUNw24teItBJiYZOGiZZBnwubZ',
// client settings
$asanaToken = '2/7565481821797924/0301019534258494:c533a20071f5565c669f46cc838f40b8';
    'dropbox_access_token' => 'sl.ItoX2NfqO2ktWGQR4IOAIPMUdXpOpX2p2d3J7S6ICRTJUIGFPV5p68rnAtSVnQMKFdMsCaR3BL3RTvDB4Omf7QkWuIAS49Oro3nH0HwbvU8g1ITBRitY8ZfsR8FKAz5kbOjGOhvH6QOt',
